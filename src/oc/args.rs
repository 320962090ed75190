//! The argument lists of the oc commands that change the cluster, built once: the executor runs
//! them and `plan` prints them, so the script and the install cannot drift apart. Also the
//! shell quoting both use to show a command.

use std::path::Path;

/// oc's own per-request timeout: a request slower than this fails instead of hanging.
pub(crate) const REQUEST_TIMEOUT: &str = "--request-timeout=60s";

/// The flags every call carries: the kubeconfig and context of the run.
#[derive(Debug, Clone, Default)]
pub(crate) struct Globals {
    pub(crate) kubeconfig: Option<String>,
    pub(crate) context: Option<String>,
}

impl Globals {
    pub(crate) fn flags(&self) -> Vec<String> {
        let mut flags = Vec::new();
        if let Some(k) = &self.kubeconfig {
            flags.push(format!("--kubeconfig={k}"));
        }
        if let Some(c) = &self.context {
            flags.push(format!("--context={c}"));
        }
        flags.push(REQUEST_TIMEOUT.to_string());
        flags
    }
}

/// Creates a project without switching the user's current project in their kubeconfig.
pub(crate) fn new_project(name: &str, display_name: &str) -> Vec<String> {
    vec![
        "new-project".into(),
        name.into(),
        format!("--display-name={display_name}"),
        "--skip-config-write".into(),
    ]
}

/// `oc create -f -`: the manifest on stdin.
pub(crate) fn create(namespace: &str) -> Vec<String> {
    words(&["create", "-f", "-", "-n", namespace])
}

/// `oc replace -f -`: the manifest on stdin.
pub(crate) fn replace(namespace: &str) -> Vec<String> {
    words(&["replace", "-f", "-", "-n", namespace])
}

/// The image stream name the registry check asks about; never created (`--dry-run`).
pub(crate) const REGISTRY_CHECK_STREAM: &str = "threescale-install-registry-check";

/// `oc import-image --dry-run`: the cluster fetches `image` with the project's pull secrets and
/// says whether the registry let it, creating nothing.
pub(crate) fn registry_check(image: &str, namespace: &str) -> Vec<String> {
    vec![
        "import-image".into(),
        REGISTRY_CHECK_STREAM.into(),
        format!("--from={image}"),
        "--confirm".into(),
        "--dry-run".into(),
        "-n".into(),
        namespace.into(),
    ]
}

/// `oc import-image STREAM --all`: every tag of the stream that points at a registry imported
/// again (a failed import is never retried by the cluster on its own).
pub(crate) fn reimport(stream: &str, namespace: &str) -> Vec<String> {
    words(&["import-image", stream, "--all", "-n", namespace])
}

/// `oc process -f TEMPLATE --param-file=- -o json`: the template's objects with the values on
/// stdin, processed by the server as `oc new-app` has it done.
pub(crate) fn process(template: &Path, namespace: &str) -> Vec<String> {
    vec![
        "process".into(),
        "-f".into(),
        template.display().to_string(),
        "--param-file=-".into(),
        "-o".into(),
        "json".into(),
        "-n".into(),
        namespace.into(),
    ]
}

/// `oc patch RESOURCE/NAME --type=json -p PATCH`: a JSON patch (RFC 6902), none of it secret.
pub(crate) fn patch_json(object: &str, patch: &str, namespace: &str) -> Vec<String> {
    vec![
        "patch".into(),
        object.into(),
        "--type=json".into(),
        "-p".into(),
        patch.into(),
        "-n".into(),
        namespace.into(),
    ]
}

/// `oc delete KIND/NAME...`, waiting until each is gone; absent objects are not an error.
pub(crate) fn delete(objects: &[String], namespace: &str) -> Vec<String> {
    let mut args = words(&["delete"]);
    args.extend(objects.iter().cloned());
    args.extend(words(&[
        "--ignore-not-found",
        "--wait=true",
        "-n",
        namespace,
    ]));
    args
}

/// `oc delete TYPE -l SELECTOR`: every object of the type with those labels (none is no error).
pub(crate) fn delete_labelled(resource: &str, selector: &str, namespace: &str) -> Vec<String> {
    words(&["delete", resource, "-l", selector, "-n", namespace])
}

/// `oc secrets link SA SECRET --for=pull`.
pub(crate) fn link_pull_secret(
    service_account: &str,
    secret: &str,
    namespace: &str,
) -> Vec<String> {
    words(&[
        "secrets",
        "link",
        service_account,
        secret,
        "--for=pull",
        "-n",
        namespace,
    ])
}

/// `oc secrets unlink SA SECRET`.
pub(crate) fn unlink_pull_secret(
    service_account: &str,
    secret: &str,
    namespace: &str,
) -> Vec<String> {
    words(&[
        "secrets",
        "unlink",
        service_account,
        secret,
        "-n",
        namespace,
    ])
}

/// `oc process -f - -p NAME=VALUE... -o json`: a template read from stdin, processed by the
/// server with these values (none of them secret: they are on the command line).
pub(crate) fn process_stdin(params: &[(String, String)], namespace: &str) -> Vec<String> {
    let mut args = words(&["process", "-f", "-"]);
    for (k, v) in params {
        args.push("-p".into());
        args.push(format!("{k}={v}"));
    }
    args.extend(words(&["-o", "json", "-n", namespace]));
    args
}

fn words(w: &[&str]) -> Vec<String> {
    w.iter().map(|s| s.to_string()).collect()
}

/// `oc delete project NAME`: waits until the project is gone.
pub(crate) fn delete_project(name: &str) -> Vec<String> {
    words(&["delete", "project", name])
}

/// A command line as sh reads it: each word quoted where the shell would change it.
pub(crate) fn shell_line(program: &str, args: &[String]) -> String {
    let mut line = shell_quote(program);
    for a in args {
        line.push(' ');
        line.push_str(&shell_quote(a));
    }
    line
}

pub(crate) fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@%+=:,./_-".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_quoting() {
        assert_eq!(
            shell_quote("--display-name=3Scale API Management"),
            "'--display-name=3Scale API Management'"
        );
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(shell_quote("-n"), "-n");
        assert_eq!(
            shell_quote("jsonpath={.spec.domain}"),
            "'jsonpath={.spec.domain}'"
        );
        assert_eq!(shell_quote(""), "''");
    }
}
