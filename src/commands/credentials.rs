//! `credentials`: the URLs and logins of an installed project, read again from `system-seed`.

use super::installed::{installed_domain, on_install, Installed};
use crate::answers::ProjectAnswers;
use crate::cli::Format;
use crate::failure::Outcome;
use crate::record;
use crate::steps::preflight::Cluster;
use crate::steps::{credentials, Ctx};
use crate::ui::Ui;

pub fn run(answers: &ProjectAnswers, ui: &Ui) -> Outcome<()> {
    on_install(answers, ui, |ctx, cluster, install| {
        show(ctx, cluster, install, answers, ui)
    })
}

fn show(
    ctx: &Ctx,
    cluster: &Cluster,
    install: Installed,
    answers: &ProjectAnswers,
    ui: &Ui,
) -> Outcome<()> {
    let creds = credentials::read(ctx, &answers.project)?;
    let domain = installed_domain(
        ctx,
        &answers.project,
        install.record.as_ref(),
        &creds.tenant_name,
    )?;
    let file = match &answers.credentials_file {
        Some(p) => Some(p.clone()),
        None => record::default_credentials_path(&cluster.server, &answers.project).ok(),
    }
    .filter(|p| p.is_file());
    match answers.format {
        Format::Text => {
            let show = answers.show_secrets || ui.stdout_is_terminal();
            let text = match &file {
                Some(f) => credentials::summary(&answers.project, &domain, &creds, f, show),
                None => credentials::summary(
                    &answers.project,
                    &domain,
                    &creds,
                    std::path::Path::new("(none on this machine)"),
                    show,
                ),
            };
            ui.result(&text);
        }
        Format::Json => {
            let mut doc = credentials::json(
                &cluster.server,
                &answers.project,
                &domain,
                &creds,
                answers.show_secrets,
            );
            doc["credentials_file"] = serde_json::json!(file);
            ui.result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
    }
    Ok(())
}
