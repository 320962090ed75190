//! That the install is the one asked for, from templates that can be trusted: the release the
//! chosen profile and the image streams install against the release of the requested ref
//! (refused before any change, with the fix when a supported ref has the right file), each file
//! against the official files (a different one is named "modified" with what differs), the
//! objects outside the project ([`outside`]), the external databases' rules ([`databases`]), the
//! values that become host names, and the route hosts other projects hold ([`hosts`]). Called by
//! `prepare` once the plan is made: it adds problems, checks and decisions to it.

use super::action::InstallAction;
use super::inspected::Inspected;
use super::plan::Plan;
use super::{databases, hosts, outside};
use crate::engine::checks::CheckResult;
use crate::engine::observe::Observer;
use crate::failure::Outcome;
use crate::inputs::TemplatesSource;
use crate::templates::official::{self, Identity};
use crate::templates::release::{self, Expected, Fix, Installs};
use crate::templates::repo;
use crate::templates::{model::Template, render};
use serde_json::Value;
use std::path::Path;

/// The image streams file of a checkout.
const IMAGE_STREAMS: &str = "3scale-image-streams.yml";

/// Runs every check on the plan; returns the fix of a release mismatch a person may take (the
/// templates of another ref).
pub(crate) fn check(observer: &Observer, i: &Inspected, plan: &mut Plan) -> Outcome<Option<Fix>> {
    let creating: Vec<_> = plan
        .actions
        .iter()
        .filter_map(|a| match a {
            InstallAction::CreateObjects(c) => Some(c.objects.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    let streams = plan
        .actions
        .iter()
        .any(|a| matches!(a, InstallAction::CreateImageStreams { .. }));
    let profile_file = relative(&i.checkout.dir, &i.profile.path);
    let mut files = vec![profile_file.as_str()];
    if streams {
        files.push(IMAGE_STREAMS);
    }
    plan.checks.push(identity_check(i, &files));
    let pairs = values(plan, &i.profile.template);
    let mut fix = None;
    if !creating.is_empty() || streams {
        fix = release_check(i, plan, &profile_file, !creating.is_empty(), streams);
    }
    if creating.is_empty() {
        return Ok(fix);
    }
    let rendered: Vec<Value> = render::render(&i.profile.template, &pairs)
        .into_iter()
        .filter(|o| creating.iter().any(|c| c.matches(o)))
        .collect();
    outside::check(observer, i, &rendered, plan)?;
    databases::check(&i.profile.template, &pairs, plan);
    names_check(&pairs, &rendered, plan);
    domain_check(observer, plan)?;
    hosts::check(i.oc, &i.answers.project.value, &pairs, &rendered, plan)?;
    Ok(fix)
}

/// Every value the install sends, by name: the template's defaults and the plan's values.
fn values(plan: &Plan, template: &Template) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = template
        .parameters
        .iter()
        .filter(|p| !plan.values.iter().any(|v| v.name == p.name))
        .filter_map(|p| Some((p.name.clone(), p.value.clone()?)))
        .collect();
    out.extend(
        plan.values
            .iter()
            .map(|v| (v.name.clone(), v.value.expose().to_string())),
    );
    out
}

/// `path` relative to the checkout (a template given by path outside it: `amp/<its name>`).
fn relative(dir: &Path, path: &Path) -> String {
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    match canonical(path).strip_prefix(canonical(dir)) {
        Ok(rel) => rel.display().to_string(),
        Err(_) => format!(
            "amp/{}",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        ),
    }
}

/// The ref and commit a modified file is compared at.
fn wanted(i: &Inspected) -> Vec<String> {
    let mut out = Vec::new();
    if let TemplatesSource::Git { git_ref, .. } = &i.answers.templates.value {
        out.push(git_ref.clone());
    }
    out.extend(i.checkout.commit.clone());
    out
}

/// How `file` of the checkout compares with the official files: (modified?, what, help).
fn identity_of(i: &Inspected, file: &str) -> (bool, String, Option<String>) {
    let path = i.checkout.dir.join(file);
    let path = if path.is_file() {
        path
    } else {
        i.profile.path.clone()
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => return (true, format!("{file}: cannot be read: {e}"), None),
    };
    let blob = repo::blob_id(&bytes).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    let wanted = wanted(i);
    let wanted: Vec<&str> = wanted.iter().map(String::as_str).collect();
    match official::identify(file, &blob, &text, &wanted) {
        Identity::Official(f) => (
            false,
            format!("{file}: the official file of {}", f.refs.join(", ")),
            None,
        ),
        Identity::Modified { baseline, diff } => (
            true,
            format!(
                "{file} is modified: it is not the official file of {} (blob {} there, {} here): {diff}",
                baseline.refs.join(", "),
                release::short(&baseline.blob),
                release::short(&blob)
            ),
            Some(format!(
                "review what differs (`git diff {} -- {file}` in a clone of github.com/3scale/3scale-amp-openshift-templates); the install goes ahead with the file as it is",
                baseline.refs[0]
            )),
        ),
        Identity::Unknown => (
            true,
            format!("{file} is not one of the official 3scale 2.8 files: what it creates is its own"),
            None,
        ),
    }
}

/// The files the install reads against the official files: a warning names each one modified.
fn identity_check(i: &Inspected, files: &[&str]) -> CheckResult {
    let found: Vec<(bool, String, Option<String>)> =
        files.iter().map(|f| identity_of(i, f)).collect();
    let modified = found.iter().any(|(m, _, _)| *m);
    // A warning names the files that differ; the official ones are for the ok line.
    let detail = found
        .iter()
        .filter(|(m, _, _)| *m == modified)
        .map(|(_, d, _)| d.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    if !modified {
        return CheckResult::ok(TEMPLATE_FILES, detail);
    }
    let check = CheckResult::warn(TEMPLATE_FILES, detail);
    match found.into_iter().find_map(|(_, _, h)| h) {
        Some(help) => check.with_help(help),
        None => check,
    }
}

/// The id of the check of the files against the official ones.
const TEMPLATE_FILES: &str = "template-files";

/// The release the profile and the image streams install, against the ref's: a problem each
/// that differs, with the fix when there is one.
fn release_check(
    i: &Inspected,
    plan: &mut Plan,
    profile_file: &str,
    objects: bool,
    streams: bool,
) -> Option<Fix> {
    let given = |name: &str| {
        plan.values
            .iter()
            .find(|v| v.name == name)
            .map(|v| v.value.expose().to_string())
    };
    let main = Template::load(&i.checkout.dir.join("amp/amp.yml"))
        .ok()
        .map(|t| Installs::of_template(&t, &|_| None));
    let git_ref = match &i.answers.templates.value {
        TemplatesSource::Git { git_ref, .. } => Some(git_ref.as_str()),
        TemplatesSource::Dir(_) => None,
    };
    let expected = release::expected(git_ref, i.checkout.commit.as_deref(), main.as_ref())?;
    let mut fix = None;
    if objects {
        let found = Installs::of_template(&i.profile.template, &given);
        let wrong = found.mismatches(&expected.release);
        if !wrong.is_empty() {
            let bytes = std::fs::read(&i.profile.path).unwrap_or_default();
            let blob = repo::blob_id(&bytes).unwrap_or_default();
            fix = release::fix_for(profile_file, &blob, &expected.release);
            plan.problems.push(mismatch_text(
                &format!("profile {} ({profile_file})", i.profile.name),
                &found,
                &wrong,
                &expected,
                &blob,
                profile_file,
                fix_text(i, fix.as_ref(), &expected),
            ));
        }
    }
    if streams {
        let found = Installs::of_image_streams(i.image_streams);
        let wrong = found.mismatches(&expected.release);
        if !wrong.is_empty() {
            plan.problems.push(mismatch_text(
                IMAGE_STREAMS,
                &found,
                &wrong,
                &expected,
                "",
                IMAGE_STREAMS,
                fix_text(i, None, &expected),
            ));
        }
    }
    // Only a ref of a repository can be taken by answering a question.
    fix.filter(|_| matches!(i.answers.templates.value, TemplatesSource::Git { .. }))
}

fn mismatch_text(
    what: &str,
    found: &Installs,
    wrong: &[String],
    expected: &Expected,
    blob: &str,
    path: &str,
    fix: String,
) -> String {
    let releases: Vec<&str> = found.releases().into_iter().collect();
    let same_as = official::data()
        .files
        .iter()
        .find(|f| f.path == path && f.blob == blob && !f.same_as.is_empty())
        .map(|f| format!(" (this file is the one of {})", f.same_as.join(", ")))
        .unwrap_or_default();
    format!(
        "{what} installs 3scale {}, not {} as {} names: {}{same_as}; {fix}",
        releases.join(" and "),
        expected.release,
        expected.why,
        wrong.join(", ")
    )
}

fn fix_text(i: &Inspected, fix: Option<&Fix>, expected: &Expected) -> String {
    match (fix, &i.answers.templates.value) {
        (Some(f), TemplatesSource::Git { .. }) => format!(
            "the {} file of {} is on {} (commit {}; its other files are those of the tag): pass --templates-ref {}",
            expected.release,
            f.path,
            f.git_ref,
            release::short(&f.commit),
            f.git_ref
        ),
        (Some(f), TemplatesSource::Dir(d)) => format!(
            "the {} file of {} is on {} (commit {}): check that out in {} (`git checkout {}`), or pass --templates-ref {} instead of --templates-dir",
            expected.release,
            f.path,
            f.git_ref,
            release::short(&f.commit),
            d.display(),
            f.git_ref,
            f.git_ref
        ),
        (None, _) => format!(
            "use templates of 3scale {} (--templates-ref), or choose another profile (--template)",
            expected.release
        ),
    }
}

/// TENANT_NAME and MASTER_NAME apart (porta refuses a tenant whose portal is the master's), and
/// every route host a DNS name the API server takes.
fn names_check(pairs: &[(String, String)], rendered: &[Value], plan: &mut Plan) {
    let value = |n: &str| pairs.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
    if let (Some(tenant), Some(master)) = (value("TENANT_NAME"), value("MASTER_NAME")) {
        if tenant == master || format!("{tenant}-admin") == master {
            plan.problems.push(format!(
                "TENANT_NAME '{tenant}' and MASTER_NAME '{master}' make the same portal host: 3scale refuses a tenant whose admin or developer portal is the master's; give them different values (e.g. --param MASTER_NAME=master)"
            ));
        }
    }
    for o in rendered.iter().filter(|o| o["kind"] == "Route") {
        // A host still made of a parameter nobody gave yet is the missing value's to report.
        let Some(host) = o["spec"]["host"]
            .as_str()
            .filter(|h| !h.is_empty() && !h.contains("${"))
        else {
            continue;
        };
        if let Err(why) = crate::names::check_wildcard_domain(host) {
            let name = o["metadata"]["name"].as_str().unwrap_or("?");
            plan.problems.push(format!(
                "route {name} would have the host '{host}', which OpenShift refuses: {why}; change the parameters it is made of (TENANT_NAME, WILDCARD_DOMAIN)"
            ));
        }
    }
}

/// A wildcard domain given that is not the cluster's apps domain: said, not refused (a router
/// shard or a DNS record of one's own may serve it).
fn domain_check(observer: &Observer, plan: &mut Plan) -> Outcome<()> {
    let Some(domain) = plan.domain.clone() else {
        return Ok(());
    };
    if matches!(domain.source, crate::inputs::Source::Cluster(_)) {
        return Ok(());
    }
    if let Ok(apps) = observer.apps_domain()? {
        let under =
            domain.value == apps.value || domain.value.ends_with(&format!(".{}", apps.value));
        if !under {
            plan.checks.push(
                CheckResult::warn(
                    "wildcard-domain",
                    format!(
                        "WILDCARD_DOMAIN {} (from {}) is not the cluster's apps domain {} (from {}): the default router's certificate and wildcard DNS record do not cover it",
                        domain.value, domain.source, apps.value, apps.how
                    ),
                )
                .with_help(format!(
                    "make sure *.{} resolves to a router that admits these routes (a DNS record, a router shard), or use --wildcard-domain {}",
                    domain.value, apps.value
                )),
            );
        }
    }
    Ok(())
}
