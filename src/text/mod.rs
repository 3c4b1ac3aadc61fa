//! Tokenizer and sentence splitter over the original text. (Placeholder until the NER work lands.)
