//! Template parameters, from every place that gives them: the answers file (`params`,
//! `param_files`), their own variables (`THREESCALE_PARAM_<NAME>`), `--param` (or
//! THREESCALE_PARAMS), `--param-from-file`, and the S3 profile's AWS variables and flags. Which
//! are secrets is decided later, with the template.

use super::declared as d;
use super::file::Loaded;
use super::resolve::Resolver;
use super::secret::{trim_line_end, SecretFlags, SecretReader};
use super::validate::is_param_name;
use super::{ParamInput, Source, AWS_KEY_ID_ENV};
use crate::cli::{ProfileArgs, S3Args};
use crate::secrets::Secret;
use std::path::{Path, PathBuf};

/// Every parameter given, ordered by the one precedence rule (lowest first, so that the last of
/// a name wins, as `Answers::param` reads them).
pub(super) fn params(
    r: &mut Resolver,
    p: &ProfileArgs,
    s3: &S3Args,
    stdin: &mut dyn SecretReader,
) -> Vec<ParamInput> {
    let mut params = from_file(r);
    params.extend(from_variables(r));
    params.extend(from_flags(r, p));
    params.extend(aws(r, s3, stdin));
    // A stable sort: of equals, the later given stays later.
    params.sort_by_key(|p| p.source.level());
    params
}

fn param(name: &str, value: Secret, source: Source) -> ParamInput {
    ParamInput {
        name: name.to_string(),
        value,
        source,
    }
}

/// `params:` and `param_files:` of the answers file.
fn from_file(r: &mut Resolver) -> Vec<ParamInput> {
    let mut out = Vec::new();
    for (name, value, source) in r.file_map::<serde_yaml::Value>(&d::PARAMS) {
        match Loaded::param_text(&value) {
            Some(text) => out.push(param(&name, Secret::new(text), source)),
            None => r.problem(format!(
                "answers file: params.{name} must be a string, number or boolean"
            )),
        }
    }
    for (name, path, source) in r.file_map::<PathBuf>(&d::PARAM_FILES) {
        let path = r.file_path(&path);
        if let Some(value) = read_param_file(r, &name, &path) {
            out.push(param(&name, value, source));
        }
    }
    out
}

/// `THREESCALE_PARAM_<NAME>` variables with a valid name.
fn from_variables(r: &Resolver) -> Vec<ParamInput> {
    r.env
        .params()
        .into_iter()
        .filter(|(name, _, _)| is_param_name(name))
        .map(|(name, value, var)| param(&name, Secret::new(value), Source::Env(var)))
        .collect()
}

/// `--param KEY=VALUE` (or THREESCALE_PARAMS) and `--param-from-file KEY=PATH`.
fn from_flags(r: &mut Resolver, p: &ProfileArgs) -> Vec<ParamInput> {
    let mut out = Vec::new();
    let source = r.clap_source(&d::PARAMS).unwrap_or(Source::Default);
    let mut seen: Vec<String> = Vec::new();
    for text in p.params.iter().filter(|t| !t.trim().is_empty()) {
        match text.split_once('=') {
            Some((k, v)) if is_param_name(k.trim()) => {
                let k = k.trim();
                if seen.iter().any(|s| s == k) {
                    r.problem(format!(
                        "{k} is given more than once with {source}: keep one"
                    ));
                }
                seen.push(k.to_string());
                out.push(param(k, Secret::new(v), source.clone()));
            }
            _ => r.problem(format!(
                "'{}' (from {source}) is not KEY=VALUE with a KEY of letters, digits and '_'",
                masked_param(text)
            )),
        }
    }
    for text in p.param_files.iter().filter(|t| !t.trim().is_empty()) {
        match text.split_once('=') {
            Some((k, path)) if is_param_name(k.trim()) => {
                if let Some(value) = read_param_file(r, k.trim(), Path::new(path)) {
                    out.push(param(k.trim(), value, Source::File(PathBuf::from(path))));
                }
            }
            _ => r.problem(format!(
                "{} '{text}' is not KEY=PATH",
                d::PARAM_FILES.flag()
            )),
        }
    }
    out
}

/// The S3 profile's standard AWS variables and flags.
fn aws(r: &mut Resolver, s3: &S3Args, stdin: &mut dyn SecretReader) -> Vec<ParamInput> {
    let flags = SecretFlags {
        stdin: s3.aws_secret_access_key_stdin,
        file: s3.aws_secret_access_key_file.as_deref(),
    };
    let secret = r.secret(&d::AWS_SECRET_ACCESS_KEY, flags, stdin);
    let key_id = r.env.get(AWS_KEY_ID_ENV).map(|id| {
        param(
            AWS_KEY_ID_ENV,
            Secret::new(id),
            Source::Env(AWS_KEY_ID_ENV.into()),
        )
    });
    secret
        .map(|s| param(d::AWS_SECRET_ACCESS_KEY.env, s.value, s.source))
        .into_iter()
        .chain(key_id)
        .collect()
}

fn read_param_file(r: &mut Resolver, name: &str, path: &Path) -> Option<Secret> {
    match super::local::read_text(path, super::local::TEXT_LIMIT) {
        Ok(text) => {
            r.warn_if_readable(&format!("file of parameter {name}"), path);
            Some(Secret::new(trim_line_end(&text)))
        }
        Err(e) => {
            r.problem(format!(
                "cannot read parameter {name} from {}: {e}",
                path.display()
            ));
            None
        }
    }
}

/// `KEY=value` → `KEY=…` for messages: a malformed --param may still carry a secret.
fn masked_param(p: &str) -> String {
    match p.split_once('=') {
        Some((k, _)) => format!("{k}=…"),
        None => p.to_string(),
    }
}
