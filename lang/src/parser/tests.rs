use super::*;

#[test]
fn smoke() {
    let m = parse_module("x = 1\n", "t.py").unwrap();
    assert_eq!(m.body.len(), 1);
}
