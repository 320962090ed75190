//! The installer's own cost, measured against baselines; prints one table and writes it to
//! docs/benchmarks.md with the machine it ran on. Not a test: nothing here fails on a figure.
//!
//!     cargo bench --bench installer            # full (more repetitions)
//!     cargo bench --bench installer -- --quick # what CI runs so that it cannot rot

// A test binary has no public API: `pub` only shares items between its modules.
#![allow(unreachable_pub)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

// The reality section drives the simulator with the reality tier's own code.
#[path = "../tests/reality/process.rs"]
#[allow(dead_code)]
mod process;
#[path = "support/reality.rs"]
mod reality_section;
#[path = "../tests/reality/sim.rs"]
#[allow(dead_code)]
mod sim;

const BIN: &str = env!("CARGO_BIN_EXE_threescale-install");
const POLL: &str = "oc get imagestreams.image.openshift.io,persistentvolumeclaims";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The fake oc, built like the tests build it, in this profile's target dir.
fn fake_oc() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args([
            "build",
            "--quiet",
            "--release",
            "-p",
            "fake-oc",
            "--bin",
            "oc",
        ])
        .current_dir(root())
        .status()
        .unwrap();
    assert!(status.success(), "building the fake oc");
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().parent().unwrap().join("oc")
}

struct Cluster {
    dir: tempfile::TempDir,
}

struct Run {
    wall: Duration,
    in_oc: Duration,
    calls: Vec<String>,
    max_rss_kb: i64,
    code: i32,
}

impl Cluster {
    fn new(oc: &Path, state: serde_json::Value) -> Cluster {
        let dir = tempfile::tempdir().unwrap();
        for d in ["bin", "cluster", "home"] {
            std::fs::create_dir_all(dir.path().join(d)).unwrap();
        }
        std::os::unix::fs::symlink(oc, dir.path().join("bin/oc")).unwrap();
        std::fs::write(dir.path().join("cluster/state.json"), state.to_string()).unwrap();
        Cluster { dir }
    }

    fn default_state() -> serde_json::Value {
        serde_json::json!({"storage_classes": [{"name": "cephfs", "provisioner": "openshift-storage.cephfs.csi.ceph.com", "default": true}],
            "ingress_domain": "apps.bench.example.com"})
    }

    fn edit(&self, f: impl FnOnce(&mut serde_json::Value)) {
        let path = self.dir.path().join("cluster/state.json");
        let mut v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        f(&mut v);
        std::fs::write(path, v.to_string()).unwrap();
    }

    /// Runs the installer; the transcript says how long each oc call took.
    // The child is reaped by wait4 (which also gives its peak RSS), not by Child::wait.
    #[allow(clippy::zombie_processes)]
    fn install(&self, templates: &Path, extra: &[&str]) -> Run {
        let root = self.dir.path();
        let log = root.join(format!(
            "run-{}.log",
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        ));
        let started = Instant::now();
        let child = Command::new(BIN)
            .args(["--yes", "--registry-username", "bench", "--log-file"])
            .arg(&log)
            .args(extra)
            .env_clear()
            .env(
                "PATH",
                format!("{}:/usr/bin:/bin", root.join("bin").display()),
            )
            .env("HOME", root.join("home"))
            .env("FAKE_OC_DIR", root.join("cluster"))
            .env("THREESCALE_REGISTRY_PASSWORD", "bench-pw")
            .env("THREESCALE_TEMPLATES_DIR", templates)
            // The fake cluster has no 3scale behind its routes: the checks through them are
            // not part of what is measured here.
            .env("THREESCALE_NO_VERIFY", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut status = 0;
        // SAFETY: rusage is plain data filled by wait4 for our own child.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
        let wall = started.elapsed();
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let mut calls = Vec::new();
        let mut in_oc = Duration::ZERO;
        for line in text.lines() {
            if let Some(rest) = line
                .split_once(" oc ")
                .filter(|(ts, _)| ts.ends_with('Z'))
                .map(|(_, r)| r)
            {
                calls.push(format!("oc {rest}"));
            }
            if let Some(ms) = line
                .trim()
                .strip_prefix("-> ")
                .and_then(|r| r.split(" in ").nth(1))
                .and_then(|r| r.strip_suffix(" ms"))
            {
                in_oc += Duration::from_secs_f64(ms.parse::<f64>().unwrap_or(0.0) / 1000.0);
            }
        }
        Run {
            wall,
            in_oc,
            calls,
            max_rss_kb: usage.ru_maxrss,
            code: libc::WEXITSTATUS(status),
        }
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn is_mutating(c: &str) -> bool {
    [
        "oc new-project",
        "oc create",
        "oc replace",
        "oc new-app",
        "oc delete",
    ]
    .iter()
    .any(|m| c.starts_with(m))
}

/// A copy of the fixture templates whose amp.yml has `copies` times its objects (names suffixed;
/// system-seed once), for the scaling figure.
fn scaled_templates(copies: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = root().join("tests/support/fixtures/templates");
    std::fs::create_dir_all(dir.path().join("amp")).unwrap();
    std::fs::copy(
        src.join("3scale-image-streams.yml"),
        dir.path().join("3scale-image-streams.yml"),
    )
    .unwrap();
    let mut t: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(src.join("amp/amp.yml")).unwrap()).unwrap();
    let objects = t["objects"].as_sequence().cloned().unwrap();
    let mut all = Vec::new();
    for i in 0..copies {
        for o in &objects {
            let name = o["metadata"]["name"].as_str().unwrap_or_default();
            if i > 0 && name == "system-seed" {
                continue;
            }
            let mut o = o.clone();
            if i > 0 {
                o["metadata"]["name"] = serde_yaml::Value::String(format!("{name}-{i}"));
                if o["kind"] == "Route" {
                    o["spec"]["host"] = serde_yaml::Value::String(format!(
                        "copy{i}-backend-${{TENANT_NAME}}.${{WILDCARD_DOMAIN}}"
                    ));
                }
            }
            all.push(o);
        }
    }
    t["objects"] = serde_yaml::Value::Sequence(all);
    std::fs::write(
        dir.path().join("amp/amp.yml"),
        serde_yaml::to_string(&t).unwrap(),
    )
    .unwrap();
    dir
}

fn object_count(templates: &Path) -> usize {
    let t: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(templates.join("amp/amp.yml")).unwrap())
            .unwrap();
    t["objects"].as_sequence().map_or(0, |o| o.len())
}

// ---- template fetch ------------------------------------------------------------------------

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "b")
        .env("GIT_AUTHOR_EMAIL", "b@example.com")
        .env("GIT_COMMITTER_NAME", "b")
        .env("GIT_COMMITTER_EMAIL", "b@example.com")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A bare repository shaped like the templates repository: history before and after the tag.
fn templates_bare_repo(root_dir: &Path) -> PathBuf {
    let work = root_dir.join("work");
    std::fs::create_dir_all(work.join("amp")).unwrap();
    let src = root().join("tests/support/fixtures/templates");
    git(&work, &["init", "-q", "-b", "master"]);
    for i in 0..40 {
        for f in [
            "amp.yml",
            "amp-s3.yml",
            "amp-postgresql.yml",
            "amp-ha-tech-preview.yml",
            "amp-eval-tech-preview.yml",
        ] {
            let text = std::fs::read_to_string(src.join("amp").join(f)).unwrap();
            std::fs::write(
                work.join("amp").join(f),
                format!("{text}\n# revision {i}\n"),
            )
            .unwrap();
        }
        std::fs::copy(
            src.join("3scale-image-streams.yml"),
            work.join("3scale-image-streams.yml"),
        )
        .unwrap();
        std::fs::write(work.join(format!("notes-{i}.md")), "x".repeat(20_000 + i)).unwrap();
        git(&work, &["add", "."]);
        git(&work, &["commit", "-q", "-m", &format!("revision {i}")]);
        if i == 30 {
            git(&work, &["tag", "-a", "2.8.0.GA", "-m", "2.8.0.GA"]);
        }
    }
    let bare = root_dir.join("srv/3scale-amp-openshift-templates.git");
    git(
        root_dir,
        &[
            "clone",
            "-q",
            "--bare",
            work.to_str().unwrap(),
            bare.to_str().unwrap(),
        ],
    );
    bare
}

/// A smart-HTTP git server on loopback: `git http-backend` as CGI, counting the bytes it sends.
struct HttpGit {
    port: u16,
    sent: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
}

impl HttpGit {
    fn start(project_root: &Path) -> HttpGit {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let sent = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (s, st, root_dir) = (sent.clone(), stop.clone(), project_root.to_path_buf());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if st.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(conn) = conn {
                    serve(conn, &root_dir, &s);
                }
            }
        });
        HttpGit { port, sent, stop }
    }

    fn url(&self, repo: &str) -> String {
        format!("http://127.0.0.1:{}/{repo}", self.port)
    }

    fn take_sent(&self) -> u64 {
        self.sent.swap(0, Ordering::SeqCst)
    }
}

impl Drop for HttpGit {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(conn: TcpStream, project_root: &Path, sent: &AtomicU64) {
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let Some(request) = read_request(&mut reader) else {
        return;
    };
    let out = git_http_backend(project_root, &request);
    respond(conn, &out, sent);
}

/// An HTTP request as git's smart HTTP client sends it.
struct GitRequest {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl GitRequest {
    fn header(&self, k: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(h, _)| h == k)
            .map(|(_, v)| v.clone())
    }
}

/// The request line, the headers and the body (of a length, or chunked); `None` on a closed
/// connection.
fn read_request(reader: &mut BufReader<TcpStream>) -> Option<GitRequest> {
    let mut request = String::new();
    if reader.read_line(&mut request).unwrap_or(0) == 0 {
        return None;
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (
        parts.next().unwrap_or("GET").to_string(),
        parts.next().unwrap_or("/").to_string(),
    );
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end().to_string();
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_lowercase(), v.trim().to_string()));
        }
    }
    let mut request = GitRequest {
        method,
        target,
        headers,
        body: Vec::new(),
    };
    if let Some(len) = request
        .header("content-length")
        .and_then(|l| l.parse::<usize>().ok())
    {
        request.body.resize(len, 0);
        reader.read_exact(&mut request.body).unwrap();
    } else if request
        .header("transfer-encoding")
        .is_some_and(|t| t.contains("chunked"))
    {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).unwrap();
            let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            let mut chunk = vec![0; n + 2];
            reader.read_exact(&mut chunk).unwrap();
            if n == 0 {
                break;
            }
            request.body.extend_from_slice(&chunk[..n]);
        }
    }
    Some(request)
}

/// What `git http-backend` (CGI) answers to the request: its headers, a blank line, the payload.
fn git_http_backend(project_root: &Path, request: &GitRequest) -> Vec<u8> {
    let target = &request.target;
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut cgi = Command::new("git");
    cgi.arg("http-backend")
        .env("GIT_PROJECT_ROOT", project_root)
        .env("GIT_HTTP_EXPORT_ALL", "1")
        .env("REQUEST_METHOD", &request.method)
        .env("PATH_INFO", path)
        .env("QUERY_STRING", query)
        .env("REMOTE_ADDR", "127.0.0.1")
        .env(
            "CONTENT_TYPE",
            request.header("content-type").unwrap_or_default(),
        )
        .env("CONTENT_LENGTH", request.body.len().to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(p) = request.header("git-protocol") {
        cgi.env("GIT_PROTOCOL", p);
    }
    let mut child = cgi.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&request.body)
        .unwrap();
    child.wait_with_output().unwrap().stdout
}

/// The CGI's answer as an HTTP response (its Status header as the status line), the payload's
/// size counted in `sent`.
fn respond(mut conn: TcpStream, out: &[u8], sent: &AtomicU64) {
    let split = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, 4))
        .or_else(|| out.windows(2).position(|w| w == b"\n\n").map(|p| (p, 2)));
    let (head, payload) = match split {
        Some((p, n)) => (
            String::from_utf8_lossy(&out[..p]).into_owned(),
            &out[p + n..],
        ),
        None => (String::new(), out),
    };
    let mut status = "200 OK".to_string();
    let mut response = String::new();
    for line in head.lines() {
        match line.split_once(':') {
            Some((k, v)) if k.eq_ignore_ascii_case("status") => status = v.trim().to_string(),
            Some(_) => response.push_str(&format!("{line}\r\n")),
            None => {}
        }
    }
    sent.fetch_add(payload.len() as u64, Ordering::SeqCst);
    let _ = write!(
        conn,
        "HTTP/1.1 {status}\r\n{response}Content-Length: {}\r\nConnection: close\r\n\r\n",
        payload.len()
    );
    let _ = conn.write_all(payload);
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            let m = e.metadata().unwrap();
            if m.is_dir() {
                dir_size(&e.path())
            } else {
                m.len()
            }
        })
        .sum()
}

/// Our fetch (library call, fresh cache each time) and git's shallow clone of the same source.
fn fetch_pair(url: &str, reps: usize, server: Option<&HttpGit>) -> (f64, f64, u64, u64) {
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    let (mut ours_bytes, mut git_bytes) = (0, 0);
    for _ in 0..reps {
        let cache = tempfile::tempdir().unwrap();
        std::env::set_var("XDG_CACHE_HOME", cache.path());
        server.map(HttpGit::take_sent);
        let t = Instant::now();
        let checkout =
            threescale_install::templates::repo::ensure(url, "2.8.0.GA", false, &mut |_| {})
                .unwrap();
        ours.push(t.elapsed().as_secs_f64() * 1000.0);
        ours_bytes = server
            .map(HttpGit::take_sent)
            .unwrap_or_else(|| dir_size(&checkout.dir.join(".git/objects")));

        let clone = tempfile::tempdir().unwrap();
        let target = clone.path().join("c");
        let t = Instant::now();
        let status = Command::new("git")
            .args(["clone", "-q", "--depth", "1", "--branch", "2.8.0.GA", url])
            .arg(&target)
            .stderr(Stdio::null())
            .status()
            .unwrap();
        theirs.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(status.success(), "git clone of {url}");
        git_bytes = server
            .map(HttpGit::take_sent)
            .unwrap_or_else(|| dir_size(&target.join(".git/objects")));
    }
    (median(ours), median(theirs), ours_bytes, git_bytes)
}

// ---- report ----------------------------------------------------------------------------------

struct Row {
    measure: String,
    value: String,
    target: String,
    met: Option<bool>,
}

fn row(measure: &str, value: String, target: &str, met: Option<bool>) -> Row {
    Row {
        measure: measure.into(),
        value,
        target: target.into(),
        met,
    }
}

/// When and on what: the UTC date and time, the commit of the checkout (marked when it has
/// changes not committed), and how busy the machine was (times grow with the load).
fn measured() -> String {
    let out = |cmd: &str, args: &[&str]| {
        Command::new(cmd)
            .args(args)
            .current_dir(root())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_else(|| "unknown".into())
    };
    let when = out("date", &["-u", "+%Y-%m-%d %H:%M UTC"]);
    let commit = out("git", &["rev-parse", "--short=12", "HEAD"]);
    let dirty = !out("git", &["status", "--porcelain", "--untracked-files=no"]).is_empty();
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .map(|l| format!("; load average {l} at the end"))
        .unwrap_or_default();
    format!(
        "{when}, commit {commit}{}{load}",
        if dirty {
            " with uncommitted changes"
        } else {
            ""
        }
    )
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map(|kb| format!("{:.0} GiB", kb as f64 / 1048576.0))
        .unwrap_or_default();
    format!("{cpu}, {cores} cores, {mem}")
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let reps = if quick { 3 } else { 15 };
    let oc = fake_oc();
    let fixtures = root().join("tests/support/fixtures/templates");
    let mut rows = Vec::new();
    let fresh_calls = install_cost(&oc, &fixtures, reps, &mut rows);
    oc_calls(&oc, &fixtures, &fresh_calls, &mut rows);
    template_fetch(reps, &mut rows);
    start_up(reps, &mut rows);
    readiness_latency(&oc, &fixtures, reps, &mut rows);
    scaling(&oc, reps, &mut rows);
    beside_the_manual_steps(&mut rows);
    report(&rows, quick, reps);
}

/// Section 1: overhead and memory of a full install (no waiting: the fake cluster is ready at
/// once); the oc calls of the last one.
fn install_cost(oc: &Path, fixtures: &Path, reps: usize, rows: &mut Vec<Row>) -> Vec<String> {
    let mut overheads = Vec::new();
    let mut rss = 0;
    let mut fresh_calls = Vec::new();
    for _ in 0..reps {
        let c = Cluster::new(oc, Cluster::default_state());
        let r = c.install(fixtures, &[]);
        assert_eq!(r.code, 0, "install failed");
        overheads.push((r.wall.saturating_sub(r.in_oc)).as_secs_f64() * 1000.0);
        rss = rss.max(r.max_rss_kb);
        fresh_calls = r.calls;
    }
    let overhead = median(overheads);
    rows.push(row(
        "install overhead (wall time minus time in oc), median",
        format!("{overhead:.1} ms"),
        "≤ 50 ms",
        Some(overhead <= 50.0),
    ));
    let rss_mb = rss as f64 / 1024.0;
    rows.push(row(
        "peak RSS of the installer (and the fake oc)",
        format!("{rss_mb:.1} MB"),
        "≤ 30 MB",
        Some(rss_mb <= 30.0),
    ));
    fresh_calls
}

/// Section 2: oc calls of a fresh install before waiting, of a re-run, per wait poll.
fn oc_calls(oc: &Path, fixtures: &Path, fresh_calls: &[String], rows: &mut Vec<Row>) {
    let before_wait = fresh_calls
        .iter()
        .take_while(|c| !c.starts_with(POLL))
        .count();
    // The template's objects go through a few `oc create` at once (client-go's 5 requests a
    // second would make one oc take 12 s for amp.yml's 66 objects): more calls, less time. The
    // target allows those two waves of at most 4 calls each beside 16 one after another.
    rows.push(row(
        "oc calls of a fresh install before waiting",
        before_wait.to_string(),
        "≤ 24",
        Some(before_wait <= 24),
    ));
    let c = Cluster::new(oc, Cluster::default_state());
    c.install(fixtures, &[]);
    let rerun = c.install(fixtures, &[]);
    let mutating = rerun.calls.iter().filter(|c| is_mutating(c)).count();
    rows.push(row(
        "oc calls of a re-run on the installed project (mutating)",
        format!("{} ({mutating})", rerun.calls.len()),
        "≤ 10 (0)",
        Some(rerun.calls.len() <= 10 && mutating == 0),
    ));
    let c = Cluster::new(oc, Cluster::default_state());
    c.edit(|s| s["rollout"] = serde_json::json!("ready-after:4"));
    let waited = c.install(fixtures, &["--poll-interval", "0s"]);
    let polls = waited.calls.iter().filter(|c| c.starts_with(POLL)).count();
    let first = waited
        .calls
        .iter()
        .position(|c| c.starts_with(POLL))
        .unwrap_or(0);
    let during = waited.calls[first..]
        .iter()
        .filter(|c| !c.starts_with("oc get secret"))
        .count();
    rows.push(row(
        "oc calls per wait poll (all components)",
        format!("{:.1}", during as f64 / polls.max(1) as f64),
        "1",
        Some(during == polls),
    ));
}

/// Section 3: template fetch against git's shallow clone of the same source, and the cached
/// checkout.
fn template_fetch(reps: usize, rows: &mut Vec<Row>) {
    let srv = tempfile::tempdir().unwrap();
    let bare = templates_bare_repo(srv.path());
    let file_url = format!("file://{}", bare.display());
    let (ours, theirs, ob, gb) = fetch_pair(&file_url, reps.min(5), None);
    rows.push(row(
        "template fetch over file:// (ours / git clone --depth 1)",
        format!(
            "{ours:.0} / {theirs:.0} ms = {:.2}; objects {} / {} KiB",
            ours / theirs,
            ob / 1024,
            gb / 1024
        ),
        "ratio ≤ 1.0",
        Some(ours / theirs <= 1.0),
    ));
    let http = HttpGit::start(&srv.path().join("srv"));
    let (ours, theirs, ob, gb) = fetch_pair(
        &http.url("3scale-amp-openshift-templates.git"),
        reps.min(5),
        Some(&http),
    );
    rows.push(row(
        "template fetch over smart HTTP (ours / git clone --depth 1)",
        format!(
            "{ours:.0} / {theirs:.0} ms = {:.2}; sent {} / {} KiB",
            ours / theirs,
            ob / 1024,
            gb / 1024
        ),
        "ratio ≤ 1.0",
        Some(ours / theirs <= 1.0),
    ));
    let cache = tempfile::tempdir().unwrap();
    std::env::set_var("XDG_CACHE_HOME", cache.path());
    threescale_install::templates::repo::ensure(&file_url, "2.8.0.GA", false, &mut |_| {}).unwrap();
    std::fs::remove_dir_all(&bare).unwrap();
    let cached = median(
        (0..reps)
            .map(|_| {
                let t = Instant::now();
                threescale_install::templates::repo::ensure(
                    &file_url,
                    "2.8.0.GA",
                    false,
                    &mut |_| {},
                )
                .unwrap();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    );
    rows.push(row(
        "cached template checkout (source removed, no network)",
        format!("{cached:.2} ms"),
        "≤ 20 ms",
        Some(cached <= 20.0),
    ));
    drop(http);
}

/// Section 4: start-up.
fn start_up(reps: usize, rows: &mut Vec<Row>) {
    for (what, args) in [
        ("start-up: --help", vec!["--help"]),
        ("start-up: completions bash", vec!["completions", "bash"]),
    ] {
        let t = median(
            (0..reps * 3)
                .map(|_| {
                    let t = Instant::now();
                    Command::new(BIN)
                        .args(&args)
                        .stdout(Stdio::null())
                        .status()
                        .unwrap();
                    t.elapsed().as_secs_f64() * 1000.0
                })
                .collect(),
        );
        rows.push(row(
            &format!("{what}, median"),
            format!("{t:.1} ms"),
            "≤ 5 ms",
            Some(t <= 5.0),
        ));
    }
}

/// Section 5: readiness latency: the fake cluster turns ready at a known moment.
fn readiness_latency(oc: &Path, fixtures: &Path, reps: usize, rows: &mut Vec<Row>) {
    let latencies: Vec<f64> = (0..reps.min(5))
        .map(|_| {
            let c = Cluster::new(oc, Cluster::default_state());
            let ready_at = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_millis() as u64
                + 700;
            c.edit(|s| s["ready_at_ms"] = serde_json::json!(ready_at));
            let r = c.install(fixtures, &[]);
            assert_eq!(r.code, 0);
            let ended = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_millis() as u64;
            ended.saturating_sub(ready_at) as f64
        })
        .collect();
    let latency = median(latencies);
    rows.push(row(
        "readiness latency (cluster ready → installer exits), default --poll-interval",
        format!("{latency:.0} ms"),
        "≤ 1 s",
        Some(latency <= 1000.0),
    ));
}

/// Section 6: scaling with the object count.
fn scaling(oc: &Path, reps: usize, rows: &mut Vec<Row>) {
    let small = scaled_templates(6);
    let large = scaled_templates(55);
    let (n_small, n_large) = (object_count(small.path()), object_count(large.path()));
    let measure = |t: &Path| {
        let runs: Vec<Run> = (0..reps.min(5))
            .map(|_| Cluster::new(oc, Cluster::default_state()).install(t, &["--no-wait"]))
            .collect();
        (
            median(
                runs.iter()
                    .map(|r| (r.wall.saturating_sub(r.in_oc)).as_secs_f64() * 1000.0)
                    .collect(),
            ),
            runs[0].calls.len(),
        )
    };
    let ((o_small, c_small), (o_large, c_large)) = (measure(small.path()), measure(large.path()));
    let growth = o_large / o_small.max(0.001);
    let objects = n_large as f64 / n_small as f64;
    rows.push(row(
        &format!("scaling {n_small} → {n_large} objects: overhead, oc calls"),
        format!("{o_small:.1} → {o_large:.1} ms (×{growth:.1}); {c_small} → {c_large} calls"),
        &format!("grows ≤ ×{objects:.0}"),
        Some(growth <= objects && c_large <= c_small * (objects as usize)),
    ));
}

/// Section 7: side by side with the manual steps, with the real oc against the simulator.
fn beside_the_manual_steps(rows: &mut Vec<Row>) {
    match reality_section::run(BIN) {
        Ok([ours, our_rerun, script, script_rerun]) => {
            assert_eq!(ours.code, 0, "our install against the simulator failed");
            assert_eq!(
                script.code, 0,
                "the manual script against the simulator failed"
            );
            let ratio = ours.wall.as_secs_f64() / script.wall.as_secs_f64();
            rows.push(row(
                "reality: fresh install, real oc + simulator (ours --no-wait / manual script)",
                format!(
                    "{:.1} / {:.1} s = {ratio:.2}; {} / {} oc calls",
                    ours.wall.as_secs_f64(),
                    script.wall.as_secs_f64(),
                    ours.calls,
                    script.calls
                ),
                "ratio ≤ 1.05",
                Some(ratio <= 1.05),
            ));
            rows.push(row(
                "reality: re-run on the installed project (ours / manual script)",
                format!(
                    "{:.1} s, {} oc calls, exit {} / {:.1} s, {} oc calls, exit {}",
                    our_rerun.wall.as_secs_f64(),
                    our_rerun.calls,
                    our_rerun.code,
                    script_rerun.wall.as_secs_f64(),
                    script_rerun.calls,
                    script_rerun.code
                ),
                "ours ≤ 8 calls, exit 0",
                Some(our_rerun.calls <= 8 && our_rerun.code == 0),
            ));
        }
        Err(why) => println!("reality section skipped: {why}"),
    }
}

/// The table, printed and written to docs/benchmarks.md (beside the executable for a quick run).
fn report(rows: &[Row], quick: bool, reps: usize) {
    let mode = if quick { "quick (CI)" } else { "full" };
    let mut table = format!(
        "threescale-install benchmarks, {mode} run, {} repetitions\nMachine: {}\nMeasured: {}\n\n",
        reps,
        machine(),
        measured()
    );
    table.push_str("| measure | value | target | met |\n|---|---|---|---|\n");
    for r in rows {
        let met = match r.met {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "",
        };
        table.push_str(&format!(
            "| {} | {} | {} | {met} |\n",
            r.measure, r.value, r.target
        ));
    }
    print!("{table}");
    let doc = format!("# Benchmarks\n\nGenerated by `cargo bench --bench installer` (see the README). Figures are medians; the fake oc\nanswers instantly, so \"overhead\" is the installer's own time.\n\n```\n{table}```\n");
    // A quick run (CI) leaves the committed report alone: its table goes beside the executable.
    let report = if quick {
        std::env::current_exe()
            .unwrap()
            .parent()
            .unwrap()
            .join("benchmarks-quick.md")
    } else {
        root().join("docs/benchmarks.md")
    };
    std::fs::write(&report, doc)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", report.display()));
}
