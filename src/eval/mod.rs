//! Evaluation against labelled dev data (used by `gleaner-eval` and the floor tests).
//! Each task has its own submodule.
