//! Values for generated parameters, drawn here rather than by the server so that the install
//! knows every secret before it sends anything (to mask it everywhere, and to keep it when an
//! interrupted install is resumed). Implements the subset of OpenShift's expression generator
//! the templates use (`pkg/template/generator/expressionvalue.go`): character classes with
//! ranges (`[a-z0-9]`), `\w \d \a \A`, literals, and `{n}` repetition.

/// A value for `expression`, or `None` when the expression uses syntax outside the subset (the
/// server then generates it, and the value is read back from the objects).
pub(crate) fn value(expression: &str, random: &mut dyn FnMut(u32) -> u32) -> Option<String> {
    let chars: Vec<char> = expression.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let (alphabet, next): (Vec<char>, usize) = match chars[i] {
            '[' => {
                let end = i + chars[i..].iter().position(|&c| c == ']')?;
                (class(&chars[i + 1..end])?, end + 1)
            }
            '\\' => (escape(*chars.get(i + 1)?)?, i + 2),
            '{' | '}' | '(' | ')' | '*' | '+' | '?' | '|' | '.' | '^' | '$' => return None,
            c => (vec![c], i + 1),
        };
        let (count, after) = repetition(&chars, next)?;
        for _ in 0..count {
            let pick = random(alphabet.len() as u32) as usize;
            out.push(alphabet[pick]);
        }
        i = after;
    }
    Some(out)
}

/// `{n}` after an item (or a single occurrence without one).
fn repetition(chars: &[char], at: usize) -> Option<(usize, usize)> {
    if chars.get(at) != Some(&'{') {
        return Some((1, at));
    }
    let end = at + chars[at..].iter().position(|&c| c == '}')?;
    let n: usize = chars[at + 1..end].iter().collect::<String>().parse().ok()?;
    (n <= 4096).then_some((n, end + 1))
}

fn escape(c: char) -> Option<Vec<char>> {
    Some(match c {
        'w' => class(&"a-zA-Z0-9_".chars().collect::<Vec<_>>())?,
        'd' => class(&"0-9".chars().collect::<Vec<_>>())?,
        'a' => class(&"a-zA-Z".chars().collect::<Vec<_>>())?,
        'A' => r##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##.chars().collect(),
        _ => return None,
    })
}

fn class(spec: &[char]) -> Option<Vec<char>> {
    let mut set = Vec::new();
    let mut i = 0;
    while i < spec.len() {
        if i + 2 < spec.len() && spec[i + 1] == '-' {
            let (from, to) = (spec[i], spec[i + 2]);
            if from > to {
                return None;
            }
            set.extend(from..=to);
            i += 3;
        } else if spec[i] == '\\' {
            set.extend(escape(*spec.get(i + 1)?)?);
            i += 2;
        } else {
            set.push(spec[i]);
            i += 1;
        }
    }
    set.sort_unstable();
    set.dedup();
    (!set.is_empty()).then_some(set)
}

/// A uniform number below `bound` from the kernel's random source.
pub(crate) fn os_random(bound: u32) -> u32 {
    // Rejection sampling: no bias towards the small numbers.
    let zone = u32::MAX - u32::MAX % bound;
    loop {
        let mut bytes = [0u8; 4];
        // SAFETY: getrandom(2) writes at most bytes.len() bytes into the buffer.
        let n = unsafe { libc::getrandom(bytes.as_mut_ptr().cast(), bytes.len(), 0) };
        if n == 4 {
            let v = u32::from_ne_bytes(bytes);
            if v < zone {
                return v % bound;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_templates_expressions_are_honoured() {
        let mut r = os_random;
        for (expr, len, alphabet) in [
            ("[a-z0-9]{8}", 8, "abcdefghijklmnopqrstuvwxyz0123456789"),
            ("[a-f0-9]{128}", 128, "abcdef0123456789"),
            (
                "[a-zA-Z0-9]{16}",
                16,
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            ),
            (
                "\\w{4}x",
                5,
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_",
            ),
        ] {
            let v = value(expr, &mut r).unwrap();
            assert_eq!(v.chars().count(), len, "{expr}");
            assert!(v.chars().all(|c| alphabet.contains(c)), "{expr}: {v}");
        }
        assert!(value("[a-z]+", &mut r).is_none(), "outside the subset");
        let a = value("[a-z0-9]{16}", &mut r).unwrap();
        let b = value("[a-z0-9]{16}", &mut r).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn every_character_of_a_class_can_be_drawn() {
        let mut next = 0u32;
        let mut counting = |bound: u32| {
            next = (next + 1) % bound;
            next
        };
        let v = value("[a-c]{6}", &mut counting).unwrap();
        assert!(v.contains('a') && v.contains('b') && v.contains('c'), "{v}");
    }
}
