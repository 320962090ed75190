//! What may differ between the fake and the real oc without being a difference: values that a
//! cluster draws anew every time (uids, resourceVersions, timestamps, generated name suffixes,
//! service account tokens, cluster IPs, the SCC ranges of a namespace, image digests, the API
//! server's build), and the line prefix and repetition of client-go's klog lines. Each rule names
//! why it is noise. Everything else is compared byte for byte, layout included: the JSON is
//! rewritten in place, value by value, so that key order and indentation still count.

/// Keys whose values are instants.
const TIME_KEYS: &[&str] = &[
    "creationTimestamp",
    "deletionTimestamp",
    "lastTransitionTime",
    "lastUpdateTime",
    "lastProbeTime",
    "firstTimestamp",
    "lastTimestamp",
    "eventTime",
    "startTime",
    "startedAt",
    "finishedAt",
    "created",
];

/// Normalises one output stream: JSON documents value by value, klog lines by their prefix.
pub fn output(text: &str) -> String {
    let text = match json_document(text) {
        Some(json) => json,
        None => klog(text),
    };
    let text = generated_suffixes(&text);
    digests(&text)
}

/// The text with every JSON value rewritten by [`value_rule`], or None when it is no JSON
/// document (a `{`/`[` first, and nothing but blanks after the end).
fn json_document(text: &str) -> Option<String> {
    let start = text.find(|c: char| !c.is_whitespace())?;
    if !text[start..].starts_with(['{', '[']) {
        return None;
    }
    let mut w = Walker {
        src: text.as_bytes(),
        at: 0,
        out: String::with_capacity(text.len()),
    };
    w.blanks();
    w.value(None, None).ok()?;
    w.blanks();
    (w.at == w.src.len()).then_some(w.out)
}

/// A JSON reader that copies what it reads, with string values replaced where a rule says.
struct Walker<'a> {
    src: &'a [u8],
    at: usize,
    out: String,
}

impl Walker<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.at).copied()
    }

    fn copy(&mut self, n: usize) {
        let end = (self.at + n).min(self.src.len());
        self.out
            .push_str(&String::from_utf8_lossy(&self.src[self.at..end]));
        self.at = end;
    }

    fn blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.copy(1);
        }
    }

    fn expect(&mut self, c: u8) -> Result<(), ()> {
        if self.peek() == Some(c) {
            self.copy(1);
            Ok(())
        } else {
            Err(())
        }
    }

    /// The raw text of a string (escapes kept), the cursor after its closing quote.
    fn raw_string(&mut self) -> Result<String, ()> {
        if self.peek() != Some(b'"') {
            return Err(());
        }
        let start = self.at + 1;
        let mut i = start;
        while i < self.src.len() {
            match self.src[i] {
                b'\\' => i += 2,
                b'"' => {
                    let raw = String::from_utf8_lossy(&self.src[start..i]).into_owned();
                    self.at = i + 1;
                    return Ok(raw);
                }
                _ => i += 1,
            }
        }
        Err(())
    }

    /// One value; `key` is the member it belongs to (inherited by array elements), `parent` the
    /// key of the object holding it.
    fn value(&mut self, key: Option<&str>, parent: Option<&str>) -> Result<(), ()> {
        match self.peek().ok_or(())? {
            b'{' => {
                self.copy(1);
                self.blanks();
                if self.peek() == Some(b'}') {
                    self.copy(1);
                    return Ok(());
                }
                loop {
                    self.blanks();
                    let member = self.raw_string()?;
                    self.out.push('"');
                    self.out.push_str(&member);
                    self.out.push('"');
                    self.blanks();
                    self.expect(b':')?;
                    self.blanks();
                    self.value(Some(&member), key)?;
                    self.blanks();
                    match self.peek() {
                        Some(b',') => self.copy(1),
                        Some(b'}') => {
                            self.copy(1);
                            return Ok(());
                        }
                        _ => return Err(()),
                    }
                }
            }
            b'[' => {
                self.copy(1);
                self.blanks();
                if self.peek() == Some(b']') {
                    self.copy(1);
                    return Ok(());
                }
                loop {
                    self.blanks();
                    self.value(key, parent)?;
                    self.blanks();
                    match self.peek() {
                        Some(b',') => self.copy(1),
                        Some(b']') => {
                            self.copy(1);
                            return Ok(());
                        }
                        _ => return Err(()),
                    }
                }
            }
            b'"' => {
                let raw = self.raw_string()?;
                let replaced = value_rule(key.unwrap_or(""), parent.unwrap_or(""), &raw);
                self.out.push('"');
                self.out.push_str(replaced.as_deref().unwrap_or(&raw));
                self.out.push('"');
                Ok(())
            }
            _ => {
                // A number, true, false or null: copied as it is.
                while let Some(c) = self.peek() {
                    if matches!(c, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    self.copy(1);
                }
                Ok(())
            }
        }
    }
}

/// The placeholder for a string value that is noise, with the reason.
fn value_rule(key: &str, parent: &str, value: &str) -> Option<String> {
    let placeholder = |p: &str| Some(p.to_string());
    match key {
        // Drawn by the API server for every object.
        "uid" | "kubernetes.io/service-account.uid" => placeholder("<uid>"),
        // A counter of the whole cluster: it depends on everything that happened before.
        "resourceVersion" if !value.is_empty() => placeholder("<resourceVersion>"),
        // Wall-clock instants.
        k if TIME_KEYS.contains(&k) && !value.is_empty() => placeholder("<time>"),
        // Allocated from the service network, in the order services were made.
        "clusterIP" | "clusterIPs" if value != "None" && !value.is_empty() => placeholder("<ip>"),
        // A namespace's UID range and SELinux labels are allocated per namespace.
        k if k.starts_with("openshift.io/sa.scc.") => placeholder("<allocated>"),
        // Service account tokens and the pull secrets built from them are random.
        "token" | ".dockercfg" if parent == "data" => placeholder("<token>"),
        // A bound claim's volume is named after the claim's uid.
        "volumeName" if value.starts_with("pvc-") => placeholder("pvc-<uid>"),
        // The API server binary's build facts: the simulator reports those of some OpenShift
        // 4.13 build, the fake its own; the installer reads only the version numbers.
        "gitCommit" | "buildDate" | "goVersion" if parent == "serverVersion" => {
            placeholder("<server build>")
        }
        _ => None,
    }
}

/// client-go's klog lines (`E1202 05:05:33.381191    7795 memcache.go:238] ...`): the time and
/// pid are replaced, and a run of the same line becomes one. How often client-go's cached
/// discovery asks again before it gives up depends on its internals (the resource names looked
/// up, whether a group is qualified); the installer must not depend on the count, and does not.
fn klog(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        let line = match klog_prefix(line) {
            Some(rest) => format!("{}<klog time and pid> {rest}", &line[..1]),
            None => line.to_string(),
        };
        if klog_prefix_normalised(&line) && out.last() == Some(&line) {
            continue;
        }
        out.push(line);
    }
    out.concat()
}

fn klog_prefix_normalised(line: &str) -> bool {
    line.get(1..)
        .is_some_and(|l| l.starts_with("<klog time and pid> "))
}

/// The rest of a klog line after `Lmmdd hh:mm:ss.uuuuuu pid `, if it is one.
fn klog_prefix(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    if b.len() < 22 || !b"IWEF".contains(&b[0]) {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| r.clone().all(|i| b[i].is_ascii_digit());
    let shape = digits(1..5)
        && b[5] == b' '
        && digits(6..8)
        && b[8] == b':'
        && digits(9..11)
        && b[11] == b':'
        && digits(12..14)
        && b[14] == b'.'
        && digits(15..21)
        && b[21] == b' ';
    if !shape {
        return None;
    }
    let rest = line[22..].trim_start_matches(' ');
    let pid_end = rest.find(' ')?;
    rest[..pid_end]
        .bytes()
        .all(|c| c.is_ascii_digit())
        .then(|| &rest[pid_end + 1..])
}

/// Names made from a prefix and five random characters (`generateName`): the token and pull
/// secrets of service accounts, and the routes zync creates.
fn generated_suffixes(text: &str) -> String {
    let mut out = text.to_string();
    for marker in ["-dockercfg-", "-token-", "-provider-", "-master-", "-api-"] {
        out = mask_after(&out, marker, |before| {
            marker.contains("docker")
                || marker.contains("token")
                || before
                    .rsplit(['"', ' ', '/', '\n'])
                    .next()
                    .is_some_and(|w| w.starts_with("zync-"))
        });
    }
    out
}

/// Replaces the five `[a-z0-9]` characters after each `marker` (ending a word) with `<suffix>`,
/// where `applies` accepts the text before the marker.
fn mask_after(text: &str, marker: &str, applies: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(marker) {
        let (before, after) = rest.split_at(i + marker.len());
        out.push_str(before);
        let suffix: String = after.chars().take(5).collect();
        let ends = after[suffix.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '-');
        let word_before = &before[..before.len() - marker.len()];
        if suffix.len() == 5
            && suffix
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && ends
            && applies(word_before)
        {
            out.push_str("<suffix>");
            rest = &after[5..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Image digests: both sides import from a registry that is not there, with made-up digests.
fn digests(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("sha256:") {
        let (before, after) = rest.split_at(i + "sha256:".len());
        out.push_str(before);
        let hex = after.bytes().take_while(|c| c.is_ascii_hexdigit()).count();
        if hex > 0 {
            out.push_str("<digest>");
        }
        rest = &after[hex..];
    }
    out.push_str(rest);
    out
}

/// A line diff of two texts (longest common subsequence), with three lines of context around
/// each change; None when they are equal.
pub fn diff(real: &str, fake: &str) -> Option<String> {
    if real == fake {
        return None;
    }
    let a: Vec<&str> = real.split_inclusive('\n').collect();
    let b: Vec<&str> = fake.split_inclusive('\n').collect();
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ops.push(('+', b[j]));
            j += 1;
        } else {
            ops.push(('-', a[i]));
            i += 1;
        }
    }
    let changed: Vec<usize> = (0..ops.len()).filter(|&k| ops[k].0 != ' ').collect();
    let keep = |k: usize| changed.iter().any(|&c| c.abs_diff(k) <= 3);
    let mut out = String::from("      (- real oc, + fake oc)\n");
    let mut skipped = false;
    let mut shown = 0;
    for (k, (op, line)) in ops.iter().enumerate() {
        if !keep(k) {
            if !skipped {
                out.push_str("      ...\n");
            }
            skipped = true;
            continue;
        }
        skipped = false;
        shown += 1;
        if shown > 400 {
            out.push_str("      ... (the rest left out)\n");
            break;
        }
        let (line, newline) = match line.strip_suffix('\n') {
            Some(l) => (l, ""),
            None => (*line, " (no newline at the end)"),
        };
        out.push_str(&format!("    {op} {line}{newline}\n"));
    }
    Some(out)
}
