use super::*;
#[test]
fn explain() {
    let Ok(dir) = std::env::var("EXPLAIN") else { return };
    for e in std::fs::read_dir(&dir).unwrap() {
    let path = e.unwrap().path();
    if path.extension().is_none_or(|x| x != "txt") || path.file_name().unwrap() == "INDEX.md" { continue }
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = String::new();
    use std::fmt::Write;
    let model = roles::shipped();
    let mut s = Segmenter::new(&text, model);
    s.dash_lists();
    s.model_roles(model);
    for i in 0..s.lines.len() {
        let c = match &s.lines[i].class { Class::Text(t) => format!("T{}", if t.prose {"p"} else {""}), c => format!("{c:?}").chars().take(12).collect() };
        let t: String = s.lines[i].span.slice(&text).chars().take(90).collect();
        writeln!(out, "{:>3} {:<8} {:<8} {:<16} {}", i, c, format!("{:?}", s.model[i]), format!("{:?}", s.roles[i]), t.replace('\n', "⏎")).unwrap();
    }
    std::fs::write(format!("/tmp/explain/{}", path.file_name().unwrap().to_str().unwrap()), out).unwrap();
    }
}
