//! The questions of `tenant create` in a terminal: the values no input gave, each checked by the
//! same rules as a flag's value and asked again with the reason; the admin password typed
//! (twice, hidden) or generated; then a summary with Proceed / Change a value / Cancel. Asks
//! through the `Prompter`, draws through the `Ui`.

use crate::failure::Outcome;
use crate::inputs::tenant::{
    check_admin_password, check_admin_username, check_org_name, TenantAnswers, TenantField,
};
use crate::inputs::{Given, Source};
use crate::prompt::{Entry, Prompter};
use crate::ui::Ui;

pub(crate) enum Choice {
    Proceed,
    Cancel,
}

/// Asks what is open, then shows the summary until the person proceeds or cancels.
pub(crate) fn ask(
    prompter: &Prompter,
    ui: &Ui,
    answers: &mut TenantAnswers,
    cluster: &str,
) -> Outcome<Choice> {
    for field in answers.open() {
        ask_field(prompter, answers, field)?;
    }
    if answers.admin_password.is_none() {
        ask_password(prompter, ui, answers)?;
    }
    loop {
        let value =
            |g: &Option<Given<String>>| g.as_ref().map(|g| g.value.clone()).unwrap_or_default();
        let password = match &answers.admin_password {
            Some(p) => format!("given ({})", p.source),
            None => "generated (24 characters), kept in the tenant's login file".to_string(),
        };
        let secret = match (answers.store_secret, &answers.secret_name) {
            (false, _) => "no".to_string(),
            (true, Some(n)) => format!("yes: {}", n.value),
            (true, None) => "yes: tenant-SUBDOMAIN".to_string(),
        };
        let rows = [
            (
                "Cluster",
                format!("{cluster}, project {}", answers.project.project.value),
            ),
            ("Organization", value(&answers.org_name)),
            ("Admin user", value(&answers.admin_username)),
            ("Admin e-mail", value(&answers.admin_email)),
            ("Admin password", password),
            ("Secret", secret),
        ];
        let mut text = String::from("\nTenant to create (or to find, when it exists)\n");
        for (k, v) in &rows {
            text.push_str(&format!("  {k:<15} {v}\n"));
        }
        prompter.discard_typeahead();
        ui.block(&text);
        let choices = [
            Entry::new("Proceed"),
            Entry::new("Change a value"),
            Entry::new("Cancel"),
        ];
        match prompter.select("What now?", &choices, 0)? {
            0 => return Ok(Choice::Proceed),
            2 => return Ok(Choice::Cancel),
            _ => {
                let fields = [
                    Entry::new("Organization name"),
                    Entry::new("Admin username"),
                    Entry::new("Admin e-mail"),
                    Entry::new("Admin password"),
                ];
                match prompter.select("Change which value?", &fields, 0)? {
                    0 => ask_field(prompter, answers, TenantField::OrgName)?,
                    1 => ask_field(prompter, answers, TenantField::AdminUsername)?,
                    2 => ask_field(prompter, answers, TenantField::AdminEmail)?,
                    _ => {
                        answers.admin_password = None;
                        ask_password(prompter, ui, answers)?;
                    }
                }
            }
        }
    }
}

/// A check of a value, as a flag's value is checked.
type Check = fn(&str) -> Result<(), String>;

fn ask_field(prompter: &Prompter, answers: &mut TenantAnswers, field: TenantField) -> Outcome<()> {
    let (question, check): (&str, Check) = match field {
        TenantField::OrgName => (
            "Organization name (3scale names the portals after it)",
            check_org_name,
        ),
        TenantField::AdminUsername => ("Admin username", check_admin_username),
        TenantField::AdminEmail => ("Admin e-mail", crate::names::check_admin_email),
    };
    let slot = match field {
        TenantField::OrgName => &mut answers.org_name,
        TenantField::AdminUsername => &mut answers.admin_username,
        TenantField::AdminEmail => &mut answers.admin_email,
    };
    let default = slot.as_ref().map(|g| g.value.clone());
    let v = prompter.text(question, default.as_deref(), check)?;
    *slot = Some(Given::new(v, Source::Wizard));
    Ok(())
}

fn ask_password(prompter: &Prompter, ui: &Ui, answers: &mut TenantAnswers) -> Outcome<()> {
    let choices = [Entry::new("Generate a strong one"), Entry::new("Type one")];
    if prompter.select("Admin password", &choices, 0)? == 0 {
        answers.admin_password = None;
        return Ok(());
    }
    loop {
        let p = prompter.secret("Admin password (hidden)", true)?;
        match check_admin_password(p.expose()) {
            Ok(()) => {
                answers.admin_password = Some(Given::new(p, Source::Wizard));
                return Ok(());
            }
            Err(why) => ui.warn(&why),
        }
    }
}
