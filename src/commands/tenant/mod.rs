//! `tenant create | list | show | remove`: more tenants of an installed 3scale, through its
//! Master API with the install's `MASTER_ACCESS_TOKEN`, their routes read through oc, their
//! logins kept on this machine (0600) beside the install's credentials file.

mod create;
mod list;
mod remove;
mod show;

use crate::cli::{GlobalArgs, TenantCommand};
use crate::failure::Outcome;
use crate::inputs::tenant::{tenant_answers, tenant_create_answers};
use crate::inputs::{Env, SecretReader};
use clap::ArgMatches;

pub(crate) fn run(
    global: &GlobalArgs,
    command: TenantCommand,
    matches: &ArgMatches,
    env: &Env,
    stdin: &mut dyn SecretReader,
) -> Outcome<()> {
    match command {
        TenantCommand::Create(args) => {
            let never_ask = args.yes || global.no_input;
            let can_ask = crate::prompt::Prompter::new(never_ask).can_ask();
            create::run(tenant_create_answers(
                global, &args, matches, env, stdin, can_ask,
            )?)
        }
        TenantCommand::List(args) => {
            list::run(tenant_answers(global, &args, None, false, true, matches)?)
        }
        TenantCommand::Show(args) => show::run(tenant_answers(
            global,
            &args.common,
            Some(&args.tenant),
            args.show_secrets,
            true,
            matches,
        )?),
        TenantCommand::Remove(args) => {
            let mut query = tenant_answers(
                global,
                &args.common,
                Some(&args.tenant),
                false,
                args.yes,
                matches,
            )?;
            query.dry_run = args.dry_run;
            remove::run(query)
        }
    }
}
