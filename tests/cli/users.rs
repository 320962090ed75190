//! `users list | add | role | grant | suspend | unsuspend | remove | sync` against the install's
//! own tenant on the fake 3scale: the team file made true, a second run changing nothing, a
//! dry run changing nothing, a bad file refused naming its entry before any request.

use crate::sso::{json, world, World};
use fake_3scale::{Role, UserState};
use serde_json::Value;

const TEAM: &str = "\
admins:
  - username: admin
    email: ADMIN_EMAIL
  - username: alice
    email: alice@example.com
members:
  - username: bob
    email: bob@example.com
    sections: [monitoring, plans]
    services: [api]
  - username: sso-user
    email: sso-user@example.com
    sections: [partners]
    services: all
";

/// The team file, with the default admin's e-mail as the fake has it.
fn team(w: &World) -> String {
    let state = w.server.state();
    let admin = state.user_by_username(2, "admin").unwrap();
    let path = w.env.root().join("team.yaml");
    std::fs::write(&path, TEAM.replace("ADMIN_EMAIL", &admin.email)).unwrap();
    path.display().to_string()
}

fn user(w: &World, name: &str) -> Option<fake_3scale::User> {
    w.server.state().user_by_username(2, name).cloned()
}

/// The team file made true: alice an active admin, bob and sso-user members with their access,
/// old pruned, the token's own user and the impersonation admin kept.
fn assert_synced(w: &World) {
    let alice = user(w, "alice").unwrap();
    assert_eq!((alice.role, alice.state), (Role::Admin, UserState::Active));
    let bob = user(w, "bob").unwrap();
    assert_eq!((bob.role, bob.state), (Role::Member, UserState::Active));
    assert_eq!(bob.sections, ["monitoring", "plans"]);
    let api = w
        .server
        .services()
        .iter()
        .find(|s| s.account_id == 2 && s.system_name == "api")
        .unwrap()
        .id;
    assert_eq!(bob.services, Some(vec![api]));
    let sso = user(w, "sso-user").unwrap();
    assert_eq!(
        (sso.sections.clone(), sso.services.clone()),
        (vec!["partners".to_string()], None)
    );
    assert!(user(w, "old").is_none(), "pruned");
    assert!(user(w, "admin").is_some(), "the token's own user stays");
    assert!(
        w.server
            .state()
            .users
            .iter()
            .any(|u| u.account_id == 2 && u.username == "3scaleadmin"),
        "never touched"
    );
}

#[test]
fn sync_turns_the_users_into_the_files_and_a_second_run_changes_nothing() {
    let w = world();
    // A member made at a first SSO login (no sections), and one the file does not list.
    w.server.with_state(|s| {
        s.add_member(
            "3scale",
            "sso-user",
            "sso-user@example.com",
            UserState::Active,
        );
        s.add_member("3scale", "old", "old@example.com", UserState::Active);
    });
    let file = team(&w);
    let dry = w.run(&[
        "users",
        "sync",
        "--file",
        &file,
        "--prune",
        "--dry-run",
        "-o",
        "json",
    ]);
    dry.assert_code(0);
    let changes: Vec<String> = json(&dry)["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    assert!(
        changes.contains(
            &"create user alice <alice@example.com> (3scale makes it a pending member)".to_string()
        ),
        "{changes:?}"
    );
    assert!(
        changes.contains(&"remove user old (and its access tokens)".to_string()),
        "{changes:?}"
    );
    assert!(
        w.writes().is_empty(),
        "a dry run changed 3scale: {:?}",
        w.writes()
    );

    let out = w.run(&[
        "users", "sync", "--file", &file, "--prune", "--yes", "-o", "json",
    ]);
    out.assert_code(0);
    assert_eq!(json(&out)["changed"], true);
    assert_synced(&w);

    w.server.clear_requests();
    let again = w.run(&[
        "users", "sync", "--file", &file, "--prune", "--yes", "-o", "json",
    ]);
    again.assert_code(0);
    assert_eq!(json(&again)["changed"], false, "{}", again.stdout);
    assert!(w.writes().is_empty(), "{:?}", w.writes());
    w.assert_no_secret(&[&dry, &out, &again], &[]);
}

#[test]
fn a_bad_team_file_is_refused_naming_the_entry_before_any_request() {
    let w = world();
    let path = w.env.root().join("bad.yaml");
    std::fs::write(
        &path,
        "members:\n  - username: bob\n    email: Bob@Example.com\n    sections: [monitorin]\n    role: admin\n",
    )
    .unwrap();
    let out = w.run(&["users", "sync", "--file", path.to_str().unwrap(), "--yes"]);
    out.assert_code(2);
    assert!(
        out.stderr.contains("unknown field `role`"),
        "{}",
        out.stderr
    );
    std::fs::write(
        &path,
        "members:\n  - username: bob\n    email: Bob@Example.com\n    sections: [monitorin]\n",
    )
    .unwrap();
    let out = w.run(&["users", "sync", "--file", path.to_str().unwrap(), "--yes"]);
    out.assert_code(2);
    assert!(
        out.stderr
            .contains("members[0] (bob): email 'Bob@Example.com'"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("did you mean 'monitoring'"),
        "{}",
        out.stderr
    );
    assert!(w.server.requests().is_empty(), "nothing asked of 3scale");
    // A product the tenant does not have: refused by the plan, nothing changed.
    std::fs::write(
        &path,
        "members:\n  - username: bob\n    email: bob@example.com\n    services: [nope]\n",
    )
    .unwrap();
    let out = w.run(&["users", "sync", "--file", path.to_str().unwrap(), "--yes"]);
    out.assert_code(2);
    assert!(
        out.stderr.contains("members[0] (bob): no product nope"),
        "{}",
        out.stderr
    );
    assert!(w.writes().is_empty());
}

/// The token's own user protected, no terminal without --yes, a bad e-mail as JSON.
fn refusals(w: &World) {
    // The token's own user is protected; a member's command on an admin is refused.
    let own = w.run(&["users", "suspend", "admin", "--yes"]);
    own.assert_code(2);
    assert!(own.stderr.contains("owner of the token"), "{}", own.stderr);
    let no_terminal = w.run(&["users", "add", "dave", "--email", "dave@example.com"]);
    no_terminal.assert_code(2);
    assert!(
        no_terminal.stderr.contains("--yes"),
        "{}",
        no_terminal.stderr
    );
    let bad: Value = serde_json::from_str(
        &w.run(&["users", "add", "x", "--email", "nope", "-o", "json"])
            .stdout,
    )
    .unwrap();
    assert_eq!(bad["error"]["exit_code"], 2);
}

#[test]
fn add_role_grant_suspend_unsuspend_remove_one_by_one() {
    let w = world();
    let run = |args: &[&str]| {
        let mut all = vec!["users"];
        all.extend(args);
        all.push("--yes");
        let out = w.run(&all);
        out.assert_code(0);
        out
    };
    run(&[
        "add",
        "carol",
        "--email",
        "carol@example.com",
        "--section",
        "monitoring",
        "--service",
        "api",
    ]);
    let carol = user(&w, "carol").unwrap();
    assert_eq!(
        (carol.role, carol.state, carol.sections.clone()),
        (
            Role::Member,
            UserState::Active,
            vec!["monitoring".to_string()]
        )
    );
    w.server.clear_requests();
    let again = run(&["add", "carol", "--email", "carol@example.com"]);
    assert!(
        again.stdout.contains("nothing to change"),
        "{}",
        again.stdout
    );
    assert!(w.writes().is_empty());
    run(&[
        "grant",
        "carol",
        "--section",
        "plans,partners",
        "--all-services",
    ]);
    let carol = user(&w, "carol").unwrap();
    assert_eq!(
        (carol.sections.clone(), carol.services.clone()),
        (vec!["plans".to_string(), "partners".to_string()], None)
    );
    run(&["grant", "carol"]);
    let carol = user(&w, "carol").unwrap();
    assert_eq!(
        (carol.sections.clone(), carol.services.clone()),
        (vec![], Some(vec![])),
        "exactly what is given: nothing"
    );
    run(&["role", "carol", "admin"]);
    assert_eq!(user(&w, "carol").unwrap().role, Role::Admin);
    run(&["suspend", "carol"]);
    assert_eq!(user(&w, "carol").unwrap().state, UserState::Suspended);
    run(&["unsuspend", "carol"]);
    assert_eq!(user(&w, "carol").unwrap().state, UserState::Active);
    let list = w.run(&["users", "list", "-o", "json"]);
    list.assert_code(0);
    let doc = json(&list);
    let names: Vec<&str> = doc["users"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u["username"].as_str())
        .collect();
    assert_eq!(names, ["admin", "carol"]);
    run(&["remove", "carol"]);
    assert!(user(&w, "carol").is_none());
    run(&["remove", "carol"]);

    refusals(&w);
}

#[test]
fn another_tenant_is_reached_with_the_token_kept_here() {
    let w = world();
    let planned = w.server.with_state(|s| {
        s.plan_signup("ACME Corp", "acme-admin", "ops@acme.example", None)
            .unwrap()
    });
    let signup = w.server.with_state(|s| s.apply_signup(planned));
    let state = w.server.state();
    let token = state.token(signup.token_id).unwrap().value.clone();
    let account = state.account(signup.account_id).unwrap().clone();
    // The login `tenant create` keeps of a tenant it signs up.
    let dir = w.state_dir().join("tenants");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("acme-corp.yaml"),
        format!(
            "cluster: https://api.crc.testing:6443\nproject: 3scale-apim\norg_name: ACME Corp\ntenant_id: {}\nadmin_portal: https://{}\ndeveloper_portal: https://{}\nadmin:\n  user: acme-admin\n  email: ops@acme.example\n  access_token: {token}\n",
            account.id,
            account.admin_domain.clone().unwrap(),
            account.domain.clone().unwrap()
        ),
    )
    .unwrap();
    let out = w.run(&[
        "users",
        "add",
        "bob",
        "--email",
        "bob@example.com",
        "--tenant",
        "ACME Corp",
        "--yes",
    ]);
    out.assert_code(0);
    let state = w.server.state();
    assert!(state.user_by_username(account.id, "bob").is_some());
    assert!(
        state.user_by_username(2, "bob").is_none(),
        "not on the install's own tenant"
    );
    let own = w.run(&[
        "users",
        "remove",
        "acme-admin",
        "--tenant",
        "acme-corp",
        "--yes",
    ]);
    own.assert_code(2);
    assert!(
        own.stderr
            .contains("the token kept here for tenant ACME Corp"),
        "{}",
        own.stderr
    );
    w.assert_no_secret(&[&out, &own], &[&token]);
}
