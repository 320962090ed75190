//! How the install's changes are made through oc: the project, the image streams, the registry
//! login check, re-imports, and the template's objects processed by the server and created a few
//! `oc` at a time (the engine's waves).

use super::action::{CreateObjects, InstallAction};
use crate::engine::change::{Change, Ctx, Permission};
use crate::engine::execute::{
    change_failure, create_in_two_waves, create_wave, kept, process_failure,
};
use crate::failure::{Failure, FailureKind, Outcome};
use crate::pull_secret;
use crate::templates::api_versions;
use crate::templates::kinds::{ObjectRef, Resource};
use serde_json::Value;

pub(crate) fn create_image_streams(ctx: &Ctx, manifest: &str) -> Outcome<()> {
    let list: Value = serde_json::from_str(manifest).unwrap_or_default();
    let items = list["items"].as_array().cloned().unwrap_or_default();
    create_wave(ctx, items)
        .map(|_| ())
        .map_err(|e| e.context("could not create the image streams"))
}

/// The cluster fetches one of the install's images with the project's pull secret.
pub(crate) fn check_registry_login(
    ctx: &Ctx,
    oc_args: &[String],
    image: &str,
    server: &str,
    username: &str,
) -> Outcome<String> {
    match ctx.oc.import_image(oc_args) {
        Ok(refused) if refused.is_empty() => Ok(format!(
            "{server} lets {username} in ({image} can be fetched)"
        )),
        Ok(refused) => Err(refused_login(server, username, &refused)),
        Err(e) => Err(change_failure(
            &format!("check the login to {server}"),
            e,
            None,
        )),
    }
}

/// A login the registry refused: the person's to fix (exit 2), with every way to give it.
fn refused_login(server: &str, username: &str, refused: &[String]) -> Failure {
    // The check's one tag is made up (`latest`): only the registry's words count.
    let words: Vec<&str> = refused
        .iter()
        .map(|r| {
            r.split_once(": ")
                .map_or(r.as_str(), |(_, message)| message)
        })
        .collect();
    Failure::input(format!(
        "{server} refused the login of {username} (pull secret {}): {}",
        pull_secret::NAME,
        words.join("; ")
    ))
    .context("the registry login was checked before the install's objects were created")
    .with_help(format!(
        "run again with the right --registry-username and password (--registry-password-file, --registry-password-stdin or THREESCALE_REGISTRY_PASSWORD; a Registry Service Account token from https://access.redhat.com/terms-based-registry/): the secret is updated and checked again. If this cluster pulls {server}'s images through a mirror, --skip-check {} goes on without this check",
        super::plan::REGISTRY_CHECK
    ))
}

pub(crate) fn reimport(ctx: &Ctx, oc_args: &[String], stream: &str) -> Outcome<()> {
    match ctx.oc.import_image(oc_args) {
        Ok(refused) if refused.is_empty() => Ok(()),
        Ok(refused) => Err(Failure::new(
            FailureKind::Cluster,
            anyhow::anyhow!("{}", refused.join("; ")),
        )
        .context(format!("image stream {stream} could not be imported"))
        .with_help(format!(
            "the registry refused an image the login check could fetch: check that the subscription of the registry account covers {stream}'s images, then run the same command again"
        ))),
        Err(e) => Err(change_failure(
            &format!("import image stream {stream} again"),
            e,
            None,
        )),
    }
}

/// Processes the template with the planned values, keeps the planned objects, sends them with
/// the API versions the cluster serves, and creates them a few `oc` at a time: everything but
/// the deployment configs first (the service accounts, secrets and claims their pods need),
/// then the deployment configs.
pub(crate) fn create_objects(ctx: &Ctx, c: &CreateObjects) -> Outcome<String> {
    let processed = ctx
        .oc
        .process(&c.template, c.param_file.expose().as_bytes(), ctx.project)
        .map_err(|e| process_failure("the template", e, "the parameters named above"))?;
    let mut items = kept(&processed, &c.objects);
    let absent: Vec<&ObjectRef> = c
        .objects
        .iter()
        .filter(|r| !items.iter().any(|o| r.matches(o)))
        .collect();
    if !absent.is_empty() {
        return Err(Failure::internal(format!(
            "the processed template lacks {}, which the plan expected: the template and our reading of it disagree",
            absent.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
        )));
    }
    api_versions::apply(&mut items, &c.rewrites);
    let created = create_in_two_waves(ctx, items)?;
    Ok(format!("{created} objects created"))
}

impl Change for InstallAction {
    type Memo = ();

    fn title(&self) -> String {
        match self {
            InstallAction::CreateProject { name, .. } => format!("create project {name}"),
            InstallAction::WritePullSecret(w) => w.title(),
            InstallAction::CreateImageStreams { names, .. } => {
                format!("create image streams {}", names.join(", "))
            }
            InstallAction::CheckRegistryLogin { server, .. } => {
                format!("check the login to {server}")
            }
            InstallAction::ReimportImages { stream, .. } => {
                format!("import image stream {stream} again")
            }
            InstallAction::CreateObjects(c) if c.all => {
                format!("create the {} objects of the template", c.objects.len())
            }
            InstallAction::CreateObjects(c) => {
                format!("create the {} missing objects", c.objects.len())
            }
        }
    }

    fn permissions(&self) -> Vec<Permission> {
        let import = || {
            vec![Permission::in_project(
                "create",
                Resource::of("ImageStreamImport", "image.openshift.io/v1"),
            )]
        };
        match self {
            InstallAction::CreateProject { .. } => vec![Permission::on_cluster(
                "create",
                Resource::of("ProjectRequest", "project.openshift.io/v1"),
            )],
            InstallAction::WritePullSecret(w) => vec![w.permission()],
            InstallAction::CreateImageStreams { .. } => vec![Permission::in_project(
                "create",
                Resource::of("ImageStream", "image.openshift.io/v1"),
            )],
            InstallAction::CheckRegistryLogin { .. } | InstallAction::ReimportImages { .. } => {
                import()
            }
            InstallAction::CreateObjects(c) => Permission::each("create", &c.objects),
        }
    }

    fn run(&self, ctx: &Ctx, _: &mut ()) -> Outcome<Option<String>> {
        match self {
            InstallAction::CreateProject { name, .. } => {
                crate::engine::execute::create_project(ctx, name, &self.oc_args(ctx.project))
                    .map(|()| None)
            }
            InstallAction::WritePullSecret(w) => w.run(ctx),
            InstallAction::CreateImageStreams { manifest, .. } => {
                create_image_streams(ctx, manifest).map(|()| None)
            }
            InstallAction::CheckRegistryLogin {
                image,
                server,
                username,
            } => check_registry_login(ctx, &self.oc_args(ctx.project), image, server, username)
                .map(Some),
            InstallAction::ReimportImages { stream, .. } => {
                reimport(ctx, &self.oc_args(ctx.project), stream).map(|()| None)
            }
            InstallAction::CreateObjects(c) => create_objects(ctx, c).map(Some),
        }
    }
}
