//! The cases of the param-file round trip, shared by the default tier (read back by the fake oc,
//! tests/cli/param_file.rs) and the reality tier (read back by the real oc 4.13,
//! tests/reality/cases/param_file.rs): the values, the encoders that are wrong in the usual ways,
//! the values each must be caught on, and a template that shows what oc read.
//!
//! The installer hands template parameters to `oc process --param-file=-` (secrets never go on
//! argv). oc reads that file with a fork of godotenv: a value is trimmed of spaces, a value
//! wrapped in matching quotes is unquoted with `\n`, `\r` and `\X` → `X` escapes, and a line is
//! first cut at its `#`s, a segment between two `#`s being kept only while a "quote" is open (a
//! segment with exactly one `"` or one `'` opens or closes it).

use serde_json::{json, Value};

/// Values a naive encoder gets wrong, and a few it gets right. (An empty value cannot be given
/// through the environment, where `render param-file` reads values: an empty variable is unset.)
pub const VALUES: &[&str] = &[
    "plain",
    "p#ss",
    "a # b",
    "#leading",
    "trailing#",
    "x#y#z",
    "say \"hi\"",
    "it's",
    "\"wrapped in quotes\"",
    "'wrapped in single quotes'",
    "'quoted' \"both\" # tail",
    "a\"#\"b",
    "p#\"'$= x",
    "$HOME and ${NOT_A_PARAM}",
    "a=b=c",
    "key: value",
    "back\\slash",
    "ends with backslash\\",
    "\\n is not a newline",
    "\\\"",
    "  spaced at both ends  ",
    "line\nbreak",
    "carriage\rreturn",
    "tab\there",
    "export FOO=bar",
    "mysql2://user:p@ss#w\"rd@db:3306/system",
    "~!@$%^&*()-_+={}[]|<,>.?/;:`",
    "pässwörd ✓",
    // A lone quote between two `#`s: misread in either quoting, read back exactly bare.
    "a#\"##",
    "x#'##y",
];

/// Values that oc misreads in double and in single quotes (a lone quote between two `#`s) and
/// that cannot go bare (a line break): the installer refuses them rather than send something
/// else.
pub const REFUSED: &[&str] = &["a#\"##\nb", "x#'##y\n2"];

/// The name of the parameter that carries `VALUES[i]`.
pub fn name(i: usize) -> String {
    format!("P{i}")
}

/// A template whose parameters `P0`.. (one per value of `VALUES`) each land in the data of one
/// ConfigMap, for `read` to find what oc made of them.
pub fn template() -> Value {
    let names: Vec<String> = (0..VALUES.len()).map(name).collect();
    let data: serde_json::Map<String, Value> = names
        .iter()
        .map(|n| (n.clone(), Value::String(format!("${{{n}}}"))))
        .collect();
    json!({
        "apiVersion": "template.openshift.io/v1",
        "kind": "Template",
        "metadata": {"name": "values"},
        "objects": [{
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": {"name": "values"},
            "data": data,
        }],
        "parameters": names.iter().map(|n| json!({"name": n})).collect::<Vec<_>>(),
    })
}

/// The values `oc process -o json` of `template` gave `names`.
pub fn read(processed: &str, names: &[String]) -> Vec<String> {
    let list: Value = serde_json::from_str(processed)
        .unwrap_or_else(|e| panic!("oc process printed no JSON ({e}):\n{processed}"));
    let data = &list["items"][0]["data"];
    names
        .iter()
        .map(|n| data[n].as_str().unwrap_or_default().to_string())
        .collect()
}

/// `value` between `q`s, with backslashes, newlines, carriage returns and `q` escaped: how a
/// careful encoder quotes, short of oc's comment cutting.
pub fn quoted(value: &str, q: char) -> String {
    let mut out = String::from(q);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// An encoder: the param-file line(s) for one parameter and its value.
pub type Encoder = fn(&str, &str) -> String;

/// An encoder that is wrong in a usual way, and values of `VALUES` it must be caught on.
pub struct Broken {
    pub name: &'static str,
    pub encode: Encoder,
    pub caught_on: &'static [&'static str],
}

pub const BROKEN: &[Broken] = &[
    Broken {
        name: "unquoted",
        encode: |name, value| format!("{name}={value}\n"),
        caught_on: &[
            "p#ss",                    // the comment cut: `P=p#ss` is read as `p`
            "trailing#",               // the same
            "  spaced at both ends  ", // trimmed
            "\"wrapped in quotes\"",   // unquoted
            "line\nbreak",             // the second line has no `=`
        ],
    },
    Broken {
        name: "double quotes, nothing escaped",
        encode: |name, value| format!("{name}=\"{value}\"\n"),
        caught_on: &[
            "back\\slash",          // `\s` is read as `s`
            "\\n is not a newline", // `\n` is read as a newline
            "\\\"",                 // `"\""` is read as `"`
            "line\nbreak",          // the second line has no `=`
        ],
    },
    Broken {
        name: "escaped double quotes, blind to oc's comment cutting",
        encode: |name, value| format!("{name}={}\n", quoted(value, '"')),
        caught_on: &[
            "a\"#\"b", // one `"` in each segment between `#`s: the middle is read as a comment
        ],
    },
];

/// A value an encoding did not bring to oc intact: the text sent, and what oc made of it.
#[derive(Debug)]
pub struct Miss {
    pub value: String,
    pub text: String,
    pub read: Result<String, String>,
}

/// What oc read for some parameters from a param file, or its error.
pub type Oracle<'a> = &'a dyn Fn(&str, &[String]) -> Result<Vec<String>, String>;

/// Each of `values`, encoded alone as `P<i>` by `encode` (Err: refused), read back by `oracle`:
/// those that did not arrive exactly.
pub fn misses(
    values: &[&str],
    encode: &dyn Fn(&str, &str) -> Result<String, String>,
    oracle: Oracle,
) -> Vec<Miss> {
    let mut missed = Vec::new();
    for (i, value) in values.iter().enumerate() {
        let param = name(i);
        let (text, read) = match encode(&param, value) {
            Ok(text) => {
                let read = oracle(&text, std::slice::from_ref(&param)).map(|mut v| v.remove(0));
                (text, read)
            }
            Err(refused) => (String::new(), Err(format!("not encoded: {refused}"))),
        };
        if read.as_deref() != Ok(*value) {
            missed.push(Miss {
                value: value.to_string(),
                text,
                read,
            });
        }
    }
    missed
}

pub fn values_of(misses: &[Miss]) -> Vec<&str> {
    misses.iter().map(|m| m.value.as_str()).collect()
}

/// The oracle catches each broken encoder on the values that break it, and lets a plain value
/// through: a check that can fail, and that does not fail everything.
#[track_caller]
pub fn assert_catches_every_broken_encoder(oracle: Oracle) {
    for broken in BROKEN {
        let encode = |name: &str, value: &str| Ok((broken.encode)(name, value));
        let missed = misses(VALUES, &encode, oracle);
        let found = values_of(&missed);
        for value in broken.caught_on {
            assert!(
                found.contains(value),
                "the oracle let the {} encoding of {value:?} through: {missed:#?}",
                broken.name
            );
        }
        assert!(!found.contains(&"plain"), "{}: {missed:#?}", broken.name);
    }
}

/// The values of `REFUSED` are misread by oc in both of the installer's quotings: refusing
/// them hides no quoting that works.
#[track_caller]
pub fn assert_refused_values_are_misread_in_both_quotings(oracle: Oracle) {
    for q in ['"', '\''] {
        let encode = |name: &str, value: &str| Ok(format!("{name}={}\n", quoted(value, q)));
        let missed = misses(REFUSED, &encode, oracle);
        assert_eq!(values_of(&missed), REFUSED, "quoted with {q}: {missed:#?}");
    }
}
