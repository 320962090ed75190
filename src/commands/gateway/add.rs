//! `gateway add`: the inputs (the wizard asks what is missing when someone can answer), the
//! install read on its cluster, the gateway's project and 3scale's tokens observed, the plan
//! (shown; `--dry-run` stops there; a terminal confirms it), one run at a time per project, the
//! executor, the wait, and the summary with the next step and the products that no host of the
//! gateway serves yet.

use super::{no_install_here, portal_cluster, portal_oc};
use crate::cli::Format;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::gateway::objects::{self, Observed};
use crate::gateway::plan::{self, AddRequest, Install, Plan, Settled};
use crate::gateway::portal::{self, TokenCheck, Unmatched};
use crate::gateway::settings::Environment;
use crate::gateway::watch;
use crate::inputs::gateway::{host_ways, name_ways, AddAnswers};
use crate::inputs::{Given, ProjectAnswers, Source};
use crate::install::observe::{read_failure, Observer};
use crate::install::plan::Missing;
use crate::install::{apply, prepare, wait, Ctx};
use crate::lock::Lock;
use crate::prompt::Prompter;
use crate::report;
use crate::session::Session;
use crate::templates::model::Template;
use crate::threescale::Api;
use crate::wizard::Wizard;
use serde_json::json;

pub fn run(answers: AddAnswers) -> Outcome<()> {
    let session = Session::open(&answers.common.connection, &answers.common.mode)?;
    let result = add(&session, answers);
    session.point_at_transcript(result)
}

/// The values no one gave, as one input error naming how to give each.
fn missing_error(missing: &[Missing]) -> Failure {
    Failure::input(format!(
        "the input has {} problem(s):\n  - {}",
        missing.len(),
        missing
            .iter()
            .map(|m| format!("needed and not given: {m}"))
            .collect::<Vec<_>>()
            .join("\n  - ")
    ))
    .with_help("give each value with its flag, environment variable or answers-file key (--config FILE), or run in a terminal without --yes to be asked")
}

fn add(session: &Session, mut answers: AddAnswers) -> Outcome<()> {
    let ui = &session.ui;
    for w in &answers.common.warnings {
        ui.warn(w);
    }
    if let Some(t) = &answers.access_token {
        session
            .redactor
            .add_secret("GATEWAY_ACCESS_TOKEN", &t.value);
    }
    if let Some(p) = &answers.registry.password {
        session.redactor.add_secret("REGISTRY_PASSWORD", &p.value);
    }
    let prompter = Prompter::new(answers.common.mode.never_ask);
    let wizard = prompter
        .can_ask()
        .then(|| Wizard::new(&prompter, ui, &session.redactor));

    // The name first: the project and the token are named after it.
    let name = match (answers.name.clone(), &wizard) {
        (Some(n), _) => n,
        (None, Some(w)) => w.ask_gateway_name()?,
        (None, None) => {
            let mut missing = vec![Missing {
                what: "the gateway's name".into(),
                ways: name_ways(),
                field: None,
            }];
            if answers.hosts.is_empty() {
                missing.push(Missing {
                    what: "a public host of the gateway (one edge route each)".into(),
                    ways: host_ways(),
                    field: None,
                });
            }
            return Err(missing_error(&missing));
        }
    };
    let project = answers
        .common
        .project
        .clone()
        .unwrap_or_else(|| Given::new(name.value.clone(), Source::Default));
    if let Err(why) = crate::inputs::check_project(&project.value) {
        return Err(Failure::input(format!(
            "gateway {} would go to project {} (named after it), which is invalid: {why}",
            name.value, project.value
        ))
        .with_help("name the gateway's project with --project"));
    }
    let observer = Observer::new(&session.oc);
    let cluster = report::cluster(ui, &observer)?;
    session.attach_transcript(&cluster.server, &project.value)?;

    // The install, on its cluster.
    let other_oc = portal_oc(session, &answers.common.portal)?;
    let other_observer = other_oc.as_ref().map(Observer::new);
    let install_cluster = portal_cluster(session, other_observer.as_ref(), &cluster)?;
    let install_observer = other_observer.as_ref().unwrap_or(&observer);
    let install = crate::installed::open_on(
        session,
        install_observer,
        install_cluster.clone(),
        &ProjectAnswers {
            mode: answers.common.mode.clone(),
            connection: answers.common.portal.connection.clone(),
            project: answers.common.portal.project.clone(),
            templates: answers.templates.clone(),
            refresh_templates: answers.refresh_templates,
            http: answers.common.http.clone(),
            credentials_file: None,
            warnings: Vec::new(),
        },
    )
    .map_err(no_install_here)?;
    let creds = install.credentials(&session.redactor)?;
    let domain = install.domain.clone().unwrap_or_default();
    let admin_host = portal::admin_host(&install.objects, &creds, &domain).ok_or_else(|| {
        Failure::preflight(format!(
            "the admin portal of the install in project {} is unknown: zync made no route for system-provider, and the install's domain is not recorded",
            install.project
        ))
        .with_help(format!(
            "check the install with `threescale-install status --project {}`",
            install.project
        ))
    })?;
    let template_path = install.templates_dir.join(objects::TEMPLATE);
    let template = Template::load(&template_path).map_err(|e| {
        Failure::preflight(format!("the gateway template: {e}")).with_help(
            "point --templates-dir or --templates-repo at the 3scale 2.8 templates (they hold apicast-gateway/apicast.yml)",
        )
    })?;

    // The gateway's project.
    let state = observer.project(&project.value, &objects::resources())?;
    let existing = Observed::of(
        &project.value,
        &name.value,
        state.objects(),
        &session.redactor,
    );

    // 3scale: the admin user's tokens, and how the token the gateway would keep is answered.
    let http = session.http(&answers.common.http)?;
    let api = Api { http: &http };
    let line = ui.step("3scale");
    let tokens = match api.access_tokens(&admin_host, &creds.admin_access_token) {
        Ok(t) => t,
        Err(e) => {
            line.failed();
            return Err(unreachable_portal(e, &admin_host));
        }
    };
    line.detail(&format!(
        "admin portal {admin_host} answers with the install's ADMIN_ACCESS_TOKEN"
    ));
    let check = plan::token_to_check(&answers, &existing)
        .map(|t| portal::check_token(&api, &admin_host, &t));
    if let Some(TokenCheck::Unreachable(why)) = &check {
        line.failed();
        return Err(Failure::preflight(format!(
            "could not check the gateway's access token: {why}"
        ))
        .with_help(PORTAL_HELP));
    }
    line.done();

    // What someone can still answer.
    if let Some(w) = &wizard {
        if existing.dc.is_none() && answers.environment.is_none() {
            answers.environment = Some(w.ask_gateway_environment()?);
        }
        if answers.hosts.is_empty() && existing.hosts().is_empty() {
            answers.hosts = w.ask_gateway_hosts()?;
        }
    }

    let record_image = install.record.as_ref().and_then(|r| {
        r.plain_params()
            .find(|(k, _)| *k == "AMP_APICAST_IMAGE")
            .map(|(_, v)| v.clone())
    });
    let mut plan = plan::plan_add(&AddRequest {
        answers: &answers,
        name: &name.value,
        project: &project,
        cluster: &cluster.server,
        state: &state,
        existing: &existing,
        install: Install {
            cluster: &install_cluster.server,
            project: &install.project,
            admin_host: &admin_host,
            admin_token: &creds.admin_access_token,
            objects: &install.objects,
            image: record_image.as_deref(),
            registry_server: install.record.as_ref().map(|r| r.registry_server.as_str()),
        },
        template: &template,
        template_path: &template_path,
        tokens: &tokens,
        token_check: check.as_ref().and_then(TokenCheck::verdict),
    });
    if let Some(c) = prepare::permissions(&observer, &plan.actions, &project.value, state.exists())?
    {
        plan.checks.push(c);
    }
    report::changes(ui, &plan.changes());
    report::verdict_of(&plan.changes(), &format!("gateway add {}", name.value))?;

    let format = answers.common.mode.format;
    if answers.dry_run {
        print_plan(
            ui,
            format,
            &cluster.server,
            &project.value,
            &name.value,
            &plan,
        );
        return Ok(());
    }
    if let Some(w) = &wizard {
        if !plan.actions.is_empty() && !w.confirm_changes("Make these changes?")? {
            ui.note("cancelled; nothing was changed");
            return Ok(());
        }
    }
    let dir =
        crate::paths::project_state_dir(&cluster.server, &project.value).map_err(Failure::input)?;
    let lock = Lock::acquire(
        &dir,
        &format!("project {} on {}", project.value, cluster.server),
    )
    .map_err(Failure::preflight)?;
    let ctx = Ctx {
        oc: &session.oc,
        ui,
        redactor: &session.redactor,
        transcript: &session.transcript,
        user: &cluster.user,
        http: Some(&http),
    };
    let settled = plan
        .settled
        .clone()
        .expect("a plan that passed has its settings");
    if !plan.actions.is_empty() {
        crate::interrupt::set_message("gateway add stopped part-way: run the same command again to resume (nothing is made twice)");
        apply::apply(&ctx, &project.value, &plan.actions)?;
    }
    let ready = match answers.wait {
        Some(timeout) => {
            crate::interrupt::set_message("the gateway is in place and was being waited for: run the same command again to keep waiting");
            wait::until(
                &ctx,
                &project.value,
                &watch::Gateway {
                    name: &name.value,
                    project: &project.value,
                    hosts: &settled.hosts,
                },
                timeout,
                answers.poll_interval,
            )?;
            true
        }
        None => false,
    };
    drop(lock);

    // The secret as it is now: the token the gateway reads with (minted by this run, maybe).
    let secret = if plan.actions.is_empty() {
        existing.secret.clone()
    } else {
        session
            .oc
            .get_secret::<serde_json::Value>(&objects::secret_name(&name.value), &project.value)
            .map_err(|e| read_failure("read the gateway's secret back", e))?
            .and_then(|s| Observed::of(&project.value, &name.value, &[s], &session.redactor).secret)
    };
    let unmatched = match (
        answers.verify,
        secret.as_ref().and_then(|s| s.endpoint.as_ref()),
    ) {
        (true, Some((token, host))) => {
            let line = ui.step("products");
            match portal::unmatched(&api, host, token, settled.environment, &settled.hosts) {
                Ok(u) => {
                    line.detail(&format!(
                        "{} product(s) with a {} public base URL on none of the gateway's hosts",
                        u.len(),
                        settled.environment
                    ));
                    line.done();
                    Some(u)
                }
                Err(e) => {
                    line.warn(&format!("the products could not be read: {e}"));
                    line.failed();
                    None
                }
            }
        }
        _ => None,
    };
    let summary = Summary {
        cluster: &cluster.server,
        project: &project.value,
        name: &name.value,
        settled: &settled,
        admin_host: &admin_host,
        install_project: &install.project,
        token: secret.as_ref().map(|s| &s.token),
        ready,
        plan: &plan,
        unmatched: unmatched.as_deref(),
    };
    match format {
        Format::Text => ui.result(&summary.text()),
        Format::Json => {
            ui.result(&serde_json::to_string_pretty(&summary.json()).unwrap_or_default())
        }
    }
    Ok(())
}

const PORTAL_HELP: &str = "the gateway reads its configuration from the install's admin portal: check it with `threescale-install verify --project <the install's project>`; --ca-file, --insecure-skip-tls-verify, HTTPS_PROXY or --resolve reach it as verify does";

/// The admin portal refused the install's token, or did not answer: nothing was changed.
fn unreachable_portal(e: crate::threescale::ApiError, host: &str) -> Failure {
    let refused = e.status().is_some();
    let mut f = Failure::new(FailureKind::Preflight, e)
        .context(format!("could not list the access tokens on {host}"));
    if refused {
        f = f.with_help("the install's ADMIN_ACCESS_TOKEN (secret system-seed) was refused: it may have been changed in the admin portal");
    }
    f.with_help(PORTAL_HELP)
}

fn print_plan(
    ui: &crate::ui::Ui,
    format: Format,
    cluster: &str,
    project: &str,
    name: &str,
    plan: &Plan,
) {
    let changes: Vec<String> = plan.actions.iter().map(ToString::to_string).collect();
    match format {
        Format::Text => {
            let text = if changes.is_empty() {
                format!("Nothing to change: gateway {name} is in place in project {project}.")
            } else {
                format!(
                    "gateway add {name} would, in project {project} on {cluster}:\n  - {}",
                    changes.join("\n  - ")
                )
            };
            ui.result(&text);
        }
        Format::Json => ui.result(
            &serde_json::to_string_pretty(&json!({
                "schema_version": 1,
                "ok": true,
                "dry_run": true,
                "cluster": cluster,
                "project": project,
                "name": name,
                "changes": changes,
                "decisions": plan.decisions,
            }))
            .unwrap_or_default(),
        ),
    }
}

struct Summary<'a> {
    cluster: &'a str,
    project: &'a str,
    name: &'a str,
    settled: &'a Settled,
    admin_host: &'a str,
    install_project: &'a str,
    token: Option<&'a objects::TokenRecord>,
    ready: bool,
    plan: &'a Plan,
    unmatched: Option<&'a [Unmatched]>,
}

impl Summary<'_> {
    fn state(&self) -> &'static str {
        if self.ready {
            "ready"
        } else {
            "created; not waited for"
        }
    }

    fn token_text(&self) -> String {
        match self.token {
            Some(t) if t.minted => format!(
                "minted for it{}{}, read-only",
                t.name
                    .as_deref()
                    .map(|n| format!(" as \"{n}\""))
                    .unwrap_or_default(),
                t.id.map(|i| format!(" (id {i})")).unwrap_or_default()
            ),
            Some(_) => "the one given".into(),
            None => "none".into(),
        }
    }

    fn text(&self) -> String {
        let s = self.settled;
        let mut out = format!(
            "Gateway {} is {} in project {} ({}: loader {}, cache {} s).\n\n",
            self.name,
            self.state(),
            self.project,
            s.environment,
            s.loader,
            s.cache
        );
        for h in &s.hosts {
            out.push_str(&format!(
                "  Host           https://{h} (route {})\n",
                objects::route_name(self.name, h)
            ));
        }
        out.push_str(&format!(
            "  Configuration  https://{} (install in project {}), secret {}\n",
            self.admin_host,
            self.install_project,
            objects::secret_name(self.name)
        ));
        out.push_str(&format!("  Access token   {}\n", self.token_text()));
        let url = match s.environment {
            Environment::Staging => "Staging Public Base URL",
            Environment::Production => "Production Public Base URL",
        };
        let host = s.hosts.first().map(String::as_str).unwrap_or("HOST");
        out.push_str(&format!(
            "\nNext: for each product it serves, in the admin portal (https://{}): Integration > Settings > Deployment \"APIcast self-managed\", {url} https://{host}; then promote the configuration{}.\n",
            self.admin_host,
            if s.environment == Environment::Production {
                " to production"
            } else {
                " to staging"
            }
        ));
        match self.unmatched {
            Some([]) => out.push_str(&format!(
                "\nEvery product's {} public base URL is on a host of this gateway.\n",
                s.environment
            )),
            Some(list) => {
                out.push_str(&format!(
                    "\nProducts whose {} public base URL is on none of its hosts:\n",
                    s.environment
                ));
                for p in list {
                    out.push_str(&format!(
                        "  {} (id {}): {} ({})\n",
                        p.name,
                        p.id,
                        p.public_base_url.as_deref().unwrap_or("no URL"),
                        p.deployment_option
                            .as_deref()
                            .unwrap_or("unknown deployment")
                    ));
                }
            }
            None => {}
        }
        out
    }

    fn json(&self) -> serde_json::Value {
        let s = self.settled;
        json!({
            "schema_version": 1,
            "ok": true,
            "cluster": self.cluster,
            "project": self.project,
            "name": self.name,
            "state": self.state(),
            "environment": s.environment,
            "configuration_loader": s.loader,
            "configuration_cache": s.cache,
            "hosts": s.hosts.iter().map(|h| json!({"host": h, "url": format!("https://{h}"), "route": objects::route_name(self.name, h)})).collect::<Vec<_>>(),
            "portal": {"host": self.admin_host, "project": self.install_project},
            "secret": objects::secret_name(self.name),
            "access_token": self.token.map(|t| json!({"id": t.id, "name": t.name, "minted": t.minted})),
            "changes": self.plan.actions.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "decisions": self.plan.decisions,
            "unmatched_products": self.unmatched,
        })
    }
}
