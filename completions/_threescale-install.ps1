
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'threescale-install' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'threescale-install'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'threescale-install' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'Where to write the credentials (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Install profile: a template of the checkout''s amp/ directory by name (amp, amp-s3, amp-postgresql, amp-ha-tech-preview, amp-eval-tech-preview) or a path to a template file [default: amp]')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Display name of a project that is created [default: 3Scale API Management]')
            [CompletionResult]::new('--wildcard-domain', '--wildcard-domain', [CompletionResultType]::ParameterName, 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster''s apps domain, when it can be told]')
            [CompletionResult]::new('--rwx-storage-class', '--rwx-storage-class', [CompletionResultType]::ParameterName, 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Template parameter, repeatable; not for secrets (see --param-from-file): values on the command line are visible to every user of the machine')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'Template parameter, repeatable; not for secrets (see --param-from-file): values on the command line are visible to every user of the machine')
            [CompletionResult]::new('--param-from-file', '--param-from-file', [CompletionResultType]::ParameterName, 'A template parameter read from a file (secrets such as ADMIN_PASSWORD), repeatable; or set THREESCALE_PARAM_<KEY>')
            [CompletionResult]::new('--registry-server', '--registry-server', [CompletionResultType]::ParameterName, 'Registry the 3scale images come from [default: registry.redhat.io]')
            [CompletionResult]::new('--registry-username', '--registry-username', [CompletionResultType]::ParameterName, 'Registry user, e.g. a registry service account ''12345|name''')
            [CompletionResult]::new('--registry-password-file', '--registry-password-file', [CompletionResultType]::ParameterName, 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--aws-secret-access-key-file', '--aws-secret-access-key-file', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for every component to be ready (e.g. 45m) [default: 30m]')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Time between two looks at the cluster while waiting, at most 2s [default: 1s]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--skip-check', '--skip-check', [CompletionResultType]::ParameterName, 'Turn the named check''s failure into a warning (repeatable, or comma-separated): storage, permissions, openshift-version, claims, capacity, quota, registry-login')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan instead of changing the cluster (same as `plan`)')
            [CompletionResult]::new('--confirm-password', '--confirm-password', [CompletionResultType]::ParameterName, 'When the registry password is typed at a prompt, ask for it twice')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print passwords and tokens in the summary (hidden otherwise, at a terminal too: they are in the credentials file)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning')
            [CompletionResult]::new('--allow-outside-project', '--allow-outside-project', [CompletionResultType]::ParameterName, 'Let a template create objects outside its project (cluster-scoped kinds, objects of other namespaces, bindings to users, groups or cluster roles); the official templates create none, and without this flag such a template is refused before any change')
            [CompletionResult]::new('--registry-password-stdin', '--registry-password-stdin', [CompletionResultType]::ParameterName, 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--aws-secret-access-key-stdin', '--aws-secret-access-key-stdin', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from standard input')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for 3scale to work (nor check that it answers)')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Do not check at the end that 3scale answers through its routes (see `verify`)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install 3scale (what runs without a subcommand)')
            [CompletionResult]::new('preflight', 'preflight', [CompletionResultType]::ParameterValue, 'Run every read-only check of an install and print them as a table; changes nothing')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Print what an install would do, as a reviewable shell script; changes nothing')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show an installed project: profile, templates commit, components, routes, root cause')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check that 3scale answers through its routes: DNS, TLS, the portals, the APIs with the install''s tokens, the gateways')
            [CompletionResult]::new('credentials', 'credentials', [CompletionResultType]::ParameterValue, 'Print the URLs and logins of an installed project, read from secret system-seed')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Delete what the install created (or the whole project with --delete-project)')
            [CompletionResult]::new('gather', 'gather', [CompletionResultType]::ParameterValue, 'Write a support bundle of a project (objects, statuses, logs, events, `status` and `verify`) that holds no secret: every value of the project''s Secrets is masked, and looked for in every encoding before the archive is written')
            [CompletionResult]::new('gateway', 'gateway', [CompletionResultType]::ParameterValue, 'Self-managed APIcast gateways of an install: add one in a project of this or another cluster, list them, show their state, remove one')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Create, list, show and remove tenants: more admin portals of the same 3scale')
            [CompletionResult]::new('monitoring', 'monitoring', [CompletionResultType]::ParameterValue, 'Monitoring of an install by OpenShift''s user-workload monitoring: the stack and the plan, enable (PodMonitors, rules, dashboards, the metrics 3scale 2.8 can emit), status, disable')
            [CompletionResult]::new('sso', 'sso', [CompletionResultType]::ParameterValue, 'Single sign-on to a tenant''s admin portal with Red Hat SSO: add, list, show, remove')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'The users of a tenant''s admin portal: list, add, role, grant, suspend, unsuspend, remove, and sync with a team file')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the install as the 3scale operator''s APIManager: the custom resource, the secrets the operator adopts as they are, and what the resource cannot express')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Plan the upgrade of the install to a later template release, hop by hop; changes nothing')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Render what `plan`''s scripts pipe to oc, secrets read from the environment')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write every page to a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;install' {
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'Where to write the credentials (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Install profile: a template of the checkout''s amp/ directory by name (amp, amp-s3, amp-postgresql, amp-ha-tech-preview, amp-eval-tech-preview) or a path to a template file [default: amp]')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Display name of a project that is created [default: 3Scale API Management]')
            [CompletionResult]::new('--wildcard-domain', '--wildcard-domain', [CompletionResultType]::ParameterName, 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster''s apps domain, when it can be told]')
            [CompletionResult]::new('--rwx-storage-class', '--rwx-storage-class', [CompletionResultType]::ParameterName, 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Template parameter, repeatable; not for secrets (see --param-from-file): values on the command line are visible to every user of the machine')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'Template parameter, repeatable; not for secrets (see --param-from-file): values on the command line are visible to every user of the machine')
            [CompletionResult]::new('--param-from-file', '--param-from-file', [CompletionResultType]::ParameterName, 'A template parameter read from a file (secrets such as ADMIN_PASSWORD), repeatable; or set THREESCALE_PARAM_<KEY>')
            [CompletionResult]::new('--registry-server', '--registry-server', [CompletionResultType]::ParameterName, 'Registry the 3scale images come from [default: registry.redhat.io]')
            [CompletionResult]::new('--registry-username', '--registry-username', [CompletionResultType]::ParameterName, 'Registry user, e.g. a registry service account ''12345|name''')
            [CompletionResult]::new('--registry-password-file', '--registry-password-file', [CompletionResultType]::ParameterName, 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--aws-secret-access-key-file', '--aws-secret-access-key-file', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for every component to be ready (e.g. 45m) [default: 30m]')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Time between two looks at the cluster while waiting, at most 2s [default: 1s]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--skip-check', '--skip-check', [CompletionResultType]::ParameterName, 'Turn the named check''s failure into a warning (repeatable, or comma-separated): storage, permissions, openshift-version, claims, capacity, quota, registry-login')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan instead of changing the cluster (same as `plan`)')
            [CompletionResult]::new('--confirm-password', '--confirm-password', [CompletionResultType]::ParameterName, 'When the registry password is typed at a prompt, ask for it twice')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print passwords and tokens in the summary (hidden otherwise, at a terminal too: they are in the credentials file)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning')
            [CompletionResult]::new('--allow-outside-project', '--allow-outside-project', [CompletionResultType]::ParameterName, 'Let a template create objects outside its project (cluster-scoped kinds, objects of other namespaces, bindings to users, groups or cluster roles); the official templates create none, and without this flag such a template is refused before any change')
            [CompletionResult]::new('--registry-password-stdin', '--registry-password-stdin', [CompletionResultType]::ParameterName, 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--aws-secret-access-key-stdin', '--aws-secret-access-key-stdin', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from standard input')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for 3scale to work (nor check that it answers)')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Do not check at the end that 3scale answers through its routes (see `verify`)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;preflight' {
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Install profile: a template of the checkout''s amp/ directory by name (amp, amp-s3, amp-postgresql, amp-ha-tech-preview, amp-eval-tech-preview) or a path to a template file [default: amp]')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Display name of a project that is created [default: 3Scale API Management]')
            [CompletionResult]::new('--wildcard-domain', '--wildcard-domain', [CompletionResultType]::ParameterName, 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster''s apps domain, when it can be told]')
            [CompletionResult]::new('--rwx-storage-class', '--rwx-storage-class', [CompletionResultType]::ParameterName, 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Template parameter, repeatable; not for secrets (see --param-from-file): values on the command line are visible to every user of the machine')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'Template parameter, repeatable; not for secrets (see --param-from-file): values on the command line are visible to every user of the machine')
            [CompletionResult]::new('--param-from-file', '--param-from-file', [CompletionResultType]::ParameterName, 'A template parameter read from a file (secrets such as ADMIN_PASSWORD), repeatable; or set THREESCALE_PARAM_<KEY>')
            [CompletionResult]::new('--registry-server', '--registry-server', [CompletionResultType]::ParameterName, 'Registry the 3scale images come from [default: registry.redhat.io]')
            [CompletionResult]::new('--registry-username', '--registry-username', [CompletionResultType]::ParameterName, 'Registry user, e.g. a registry service account ''12345|name''')
            [CompletionResult]::new('--registry-password-file', '--registry-password-file', [CompletionResultType]::ParameterName, 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--aws-secret-access-key-file', '--aws-secret-access-key-file', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--skip-check', '--skip-check', [CompletionResultType]::ParameterName, 'Turn the named check''s failure into a warning (repeatable, or comma-separated): storage, permissions, openshift-version, claims, capacity, quota, registry-login')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning')
            [CompletionResult]::new('--allow-outside-project', '--allow-outside-project', [CompletionResultType]::ParameterName, 'Let a template create objects outside its project (cluster-scoped kinds, objects of other namespaces, bindings to users, groups or cluster roles); the official templates create none, and without this flag such a template is refused before any change')
            [CompletionResult]::new('--registry-password-stdin', '--registry-password-stdin', [CompletionResultType]::ParameterName, 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--aws-secret-access-key-stdin', '--aws-secret-access-key-stdin', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from standard input')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;plan' {
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Install profile: a template of the checkout''s amp/ directory by name (amp, amp-s3, amp-postgresql, amp-ha-tech-preview, amp-eval-tech-preview) or a path to a template file [default: amp]')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Display name of a project that is created [default: 3Scale API Management]')
            [CompletionResult]::new('--wildcard-domain', '--wildcard-domain', [CompletionResultType]::ParameterName, 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster''s apps domain, when it can be told]')
            [CompletionResult]::new('--rwx-storage-class', '--rwx-storage-class', [CompletionResultType]::ParameterName, 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Template parameter, repeatable; not for secrets (see --param-from-file): values on the command line are visible to every user of the machine')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'Template parameter, repeatable; not for secrets (see --param-from-file): values on the command line are visible to every user of the machine')
            [CompletionResult]::new('--param-from-file', '--param-from-file', [CompletionResultType]::ParameterName, 'A template parameter read from a file (secrets such as ADMIN_PASSWORD), repeatable; or set THREESCALE_PARAM_<KEY>')
            [CompletionResult]::new('--registry-server', '--registry-server', [CompletionResultType]::ParameterName, 'Registry the 3scale images come from [default: registry.redhat.io]')
            [CompletionResult]::new('--registry-username', '--registry-username', [CompletionResultType]::ParameterName, 'Registry user, e.g. a registry service account ''12345|name''')
            [CompletionResult]::new('--registry-password-file', '--registry-password-file', [CompletionResultType]::ParameterName, 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--aws-secret-access-key-file', '--aws-secret-access-key-file', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--skip-check', '--skip-check', [CompletionResultType]::ParameterName, 'Turn the named check''s failure into a warning (repeatable, or comma-separated): storage, permissions, openshift-version, claims, capacity, quota, registry-login')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning')
            [CompletionResult]::new('--allow-outside-project', '--allow-outside-project', [CompletionResultType]::ParameterName, 'Let a template create objects outside its project (cluster-scoped kinds, objects of other namespaces, bindings to users, groups or cluster roles); the official templates create none, and without this flag such a template is refused before any change')
            [CompletionResult]::new('--registry-password-stdin', '--registry-password-stdin', [CompletionResultType]::ParameterName, 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--aws-secret-access-key-stdin', '--aws-secret-access-key-stdin', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from standard input')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;status' {
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;verify' {
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;credentials' {
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'Where the credentials file is [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print passwords and tokens (hidden otherwise, at a terminal too)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;uninstall' {
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'Where the credentials file is [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before deleting')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before deleting')
            [CompletionResult]::new('--delete-project', '--delete-project', [CompletionResultType]::ParameterName, 'Delete the whole project instead of the objects the install created')
            [CompletionResult]::new('--keep-credentials', '--keep-credentials', [CompletionResultType]::ParameterName, 'Keep the local credentials file (and the logins of the install''s tenants beside it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be deleted (on the cluster and on this machine), and delete nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;gather' {
            [CompletionResult]::new('--archive', '--archive', [CompletionResultType]::ParameterName, 'The archive to write (tar.gz, mode 0600) [default: 3scale-gather-PROJECT-TIME.tar.gz in the current directory]')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only the log lines of the last DURATION (e.g. 1h, 30m) [default: the last 500 lines of each container]')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file, read for its secrets only [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace the archive when it exists')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Leave out `verify` (its checks reach the portals over HTTPS)')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;gateway' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a gateway: mint its access token, create its portal-endpoint and pull secrets, the template''s objects and an edge route per host, and wait until it is ready')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the gateways this tool made: environment, hosts, readiness, whether their token works')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show one gateway (or all): its routes, readiness with the root cause, its token')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a gateway: exactly what `gateway add` made, and revoke the token it minted')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;gateway;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The gateway''s name: of its deployment config, service, secret and routes, and of its access token; a DNS label starting with a letter (e.g. apicast-eu)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'The configuration the gateway serves: staging or production [default: production]')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'A public host of the gateway, served by an edge route (the product''s public base URL); repeatable or comma-separated')
            [CompletionResult]::new('--configuration-loader', '--configuration-loader', [CompletionResultType]::ParameterName, 'When the gateway loads its configuration: boot (at start) or lazy (on each request) [default: lazy for staging, boot for production]')
            [CompletionResult]::new('--configuration-cache', '--configuration-cache', [CompletionResultType]::ParameterName, 'Seconds the gateway keeps its configuration: 0 (none, lazy only) or more than 60 [default: 0 for staging, 300 for production]')
            [CompletionResult]::new('--access-token-file', '--access-token-file', [CompletionResultType]::ParameterName, 'Read the gateway''s access token from a file instead of minting one (or set THREESCALE_ACCESS_TOKEN); it needs the account_management scope')
            [CompletionResult]::new('--tenant-project', '--tenant-project', [CompletionResultType]::ParameterName, 'The project of the 3scale install [default: 3scale-apim]')
            [CompletionResult]::new('--portal-context', '--portal-context', [CompletionResultType]::ParameterName, 'Kubeconfig context of the install''s cluster, when the gateway goes to another cluster [default: the gateway''s context]')
            [CompletionResult]::new('--portal-kubeconfig', '--portal-kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig of the install''s cluster [default: the gateway''s kubeconfig]')
            [CompletionResult]::new('--registry-server', '--registry-server', [CompletionResultType]::ParameterName, 'Registry the 3scale images come from [default: registry.redhat.io]')
            [CompletionResult]::new('--registry-username', '--registry-username', [CompletionResultType]::ParameterName, 'Registry user, e.g. a registry service account ''12345|name''')
            [CompletionResult]::new('--registry-password-file', '--registry-password-file', [CompletionResultType]::ParameterName, 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Time between two looks at the cluster while waiting, at most 2s [default: 1s]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The gateway''s project, created when missing [default: the gateway''s name]; the install''s is --tenant-project')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the gateway to be ready (e.g. 15m) [default: 10m]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--access-token-stdin', '--access-token-stdin', [CompletionResultType]::ParameterName, 'Read the gateway''s access token from standard input instead of minting one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan instead of changing anything')
            [CompletionResult]::new('--registry-password-stdin', '--registry-password-stdin', [CompletionResultType]::ParameterName, 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the gateway to be ready after creating it')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Do not list at the end the products whose public base URL matches none of the gateway''s hosts')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'threescale-install;gateway;list' {
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project to look for gateways in [default: every project you can see]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;gateway;status' {
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project to look for the gateway in [default: every project you can see]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;gateway;remove' {
            [CompletionResult]::new('--tenant-project', '--tenant-project', [CompletionResultType]::ParameterName, 'The project of the 3scale install [default: 3scale-apim]')
            [CompletionResult]::new('--portal-context', '--portal-context', [CompletionResultType]::ParameterName, 'Kubeconfig context of the install''s cluster, when the gateway goes to another cluster [default: the gateway''s context]')
            [CompletionResult]::new('--portal-kubeconfig', '--portal-kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig of the install''s cluster [default: the gateway''s kubeconfig]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The gateway''s project [default: the one that holds it, of every project you can see]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before removing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before removing')
            [CompletionResult]::new('--keep-token', '--keep-token', [CompletionResultType]::ParameterName, 'Leave the access token the gateway was given in 3scale (by default the token `gateway add` minted is revoked)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing (on the cluster, in 3scale, on this machine)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'threescale-install;gateway;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a gateway: mint its access token, create its portal-endpoint and pull secrets, the template''s objects and an edge route per host, and wait until it is ready')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the gateways this tool made: environment, hosts, readiness, whether their token works')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show one gateway (or all): its routes, readiness with the root cause, its token')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a gateway: exactly what `gateway add` made, and revoke the token it minted')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;gateway;help;add' {
            break
        }
        'threescale-install;gateway;help;list' {
            break
        }
        'threescale-install;gateway;help;status' {
            break
        }
        'threescale-install;gateway;help;remove' {
            break
        }
        'threescale-install;gateway;help;help' {
            break
        }
        'threescale-install;tenant' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Sign a tenant up through the Master API, activate its admin user, wait for its routes and store its login; a tenant of the same organization name is not created again')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenants of the install (the master''s accounts)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a tenant: its state, portals, routes, and whether the stored token still works')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Schedule a tenant''s deletion (3scale keeps it 15 days, when it can be resumed) and remove its stored login')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;tenant;create' {
            [CompletionResult]::new('--org-name', '--org-name', [CompletionResultType]::ParameterName, 'The tenant''s organization name; 3scale makes its portals'' names from it ("ACME Corp": acme-corp-admin.DOMAIN)')
            [CompletionResult]::new('--admin-username', '--admin-username', [CompletionResultType]::ParameterName, 'Username of the tenant''s admin user: 3 to 40 letters, digits and .-_@+')
            [CompletionResult]::new('--admin-email', '--admin-email', [CompletionResultType]::ParameterName, 'E-mail address of the tenant''s admin user')
            [CompletionResult]::new('--admin-password-file', '--admin-password-file', [CompletionResultType]::ParameterName, 'Read the admin password from a file (or set THREESCALE_TENANT_ADMIN_PASSWORD); without one, a strong password is generated')
            [CompletionResult]::new('--secret-name', '--secret-name', [CompletionResultType]::ParameterName, 'The name of that Secret [default: tenant-SUBDOMAIN, e.g. tenant-acme-corp]')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Time between two looks at the cluster while waiting, at most 2s [default: 1s]')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for zync''s routes of the tenant''s portals to be admitted (e.g. 10m) [default: 5m]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing (on the cluster, in 3scale, on this machine)')
            [CompletionResult]::new('--admin-password-stdin', '--admin-password-stdin', [CompletionResultType]::ParameterName, 'Read the admin password from standard input')
            [CompletionResult]::new('--store-secret', '--store-secret', [CompletionResultType]::ParameterName, 'Also keep the tenant''s adminURL and token in a Secret of the install''s project, with the keys of the 3scale operator''s tenant Secret')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print the password and token (hidden otherwise, at a terminal too)')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the tenant''s routes (nor check its admin portal)')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Do not check at the end that the tenant''s admin portal answers with its token')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;tenant;list' {
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;tenant;show' {
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print the stored password and token (hidden otherwise, at a terminal too)')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;tenant;remove' {
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before scheduling the deletion')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before scheduling the deletion')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing (on the cluster, in 3scale, on this machine)')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;tenant;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Sign a tenant up through the Master API, activate its admin user, wait for its routes and store its login; a tenant of the same organization name is not created again')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenants of the install (the master''s accounts)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a tenant: its state, portals, routes, and whether the stored token still works')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Schedule a tenant''s deletion (3scale keeps it 15 days, when it can be resumed) and remove its stored login')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;tenant;help;create' {
            break
        }
        'threescale-install;tenant;help;list' {
            break
        }
        'threescale-install;tenant;help;show' {
            break
        }
        'threescale-install;tenant;help;remove' {
            break
        }
        'threescale-install;tenant;help;help' {
            break
        }
        'threescale-install;monitoring' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show the monitoring stack (user-workload monitoring, the monitoring API, your rights, the Grafana operator) and every change `monitoring enable` would make; changes nothing')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Expose the metrics 3scale 2.8 emits (patching deployment configs: one rollout each) and create PodMonitors, alerting rules and Grafana dashboards; a re-run changes nothing')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the monitoring objects, the patched components and, when your token may query the cluster''s monitoring API, the health of each target and what each rule returns')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Delete what `monitoring enable` created and take back its patches of the deployment configs')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;monitoring;plan' {
            [CompletionResult]::new('--dashboards-dir', '--dashboards-dir', [CompletionResultType]::ParameterName, 'Where the Grafana dashboards are written as JSON files, for any Grafana [default: dashboards/ in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;monitoring;enable' {
            [CompletionResult]::new('--dashboards-dir', '--dashboards-dir', [CompletionResultType]::ParameterName, 'Where the Grafana dashboards are written as JSON files, for any Grafana [default: dashboards/ in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing (on the cluster or on this machine)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;monitoring;status' {
            [CompletionResult]::new('--monitoring-url', '--monitoring-url', [CompletionResultType]::ParameterName, 'The cluster''s monitoring API (Thanos Querier): https://HOST[:PORT][/PATH] [default: the route thanos-querier of openshift-monitoring]')
            [CompletionResult]::new('--dashboards-dir', '--dashboards-dir', [CompletionResultType]::ParameterName, 'Where the Grafana dashboards are written as JSON files, for any Grafana [default: dashboards/ in the project''s state directory]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;monitoring;disable' {
            [CompletionResult]::new('--dashboards-dir', '--dashboards-dir', [CompletionResultType]::ParameterName, 'Where the Grafana dashboards are written as JSON files, for any Grafana [default: dashboards/ in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing (on the cluster or on this machine)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;monitoring;help' {
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show the monitoring stack (user-workload monitoring, the monitoring API, your rights, the Grafana operator) and every change `monitoring enable` would make; changes nothing')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Expose the metrics 3scale 2.8 emits (patching deployment configs: one rollout each) and create PodMonitors, alerting rules and Grafana dashboards; a re-run changes nothing')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the monitoring objects, the patched components and, when your token may query the cluster''s monitoring API, the health of each target and what each rule returns')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Delete what `monitoring enable` created and take back its patches of the deployment configs')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;monitoring;help;plan' {
            break
        }
        'threescale-install;monitoring;help;enable' {
            break
        }
        'threescale-install;monitoring;help;status' {
            break
        }
        'threescale-install;monitoring;help;disable' {
            break
        }
        'threescale-install;monitoring;help;help' {
            break
        }
        'threescale-install;sso' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add (or bring up to date) Red Hat SSO as a login of the admin portal: the realm checked from here, the integration made through the API, its redirect URI printed, the client set in the realm with --create-client, published with --publish')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the admin portal''s SSO integrations (never their secrets)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one SSO integration: its realm, client, redirect URIs and state')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Unpublish an SSO integration (3scale 2.8''s API cannot delete one; how to is printed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;sso;add' {
            [CompletionResult]::new('--realm-url', '--realm-url', [CompletionResultType]::ParameterName, 'The realm''s URL, its issuer: https://HOST/auth/realms/REALM')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'The client ID of the admin portal''s client in the realm')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client''s secret from a file (or set THREESCALE_SSO_CLIENT_SECRET)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The integration''s name on the admin portal; its system name (the end of the callback URL) is made from it [default: Red Hat Single Sign-On, system name rhsso]')
            [CompletionResult]::new('--sso-admin-username', '--sso-admin-username', [CompletionResultType]::ParameterName, 'The administrator''s username [default: admin]')
            [CompletionResult]::new('--sso-admin-realm', '--sso-admin-realm', [CompletionResultType]::ParameterName, 'The realm the administrator logs in to [default: master]')
            [CompletionResult]::new('--sso-admin-password-file', '--sso-admin-password-file', [CompletionResultType]::ParameterName, 'Read the administrator''s password from a file (or set THREESCALE_SSO_ADMIN_PASSWORD); with it, the admin portal''s users are also looked up in the realm')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose admin portal it is: its id, organization name, subdomain or admin portal host; another tenant''s token must be kept on this machine (`tenant create` keeps it) [default: the install''s own tenant, with ADMIN_ACCESS_TOKEN of secret system-seed]')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--client-secret-stdin', '--client-secret-stdin', [CompletionResultType]::ParameterName, 'Read the client''s secret from standard input')
            [CompletionResult]::new('--publish', '--publish', [CompletionResultType]::ParameterName, 'Publish the integration: the admin portal''s login page offers it')
            [CompletionResult]::new('--create-client', '--create-client', [CompletionResultType]::ParameterName, 'Create or update the client in the realm (confidential, standard flow, the redirect URIs, the secret given), as a Red Hat SSO administrator')
            [CompletionResult]::new('--sso-admin-password-stdin', '--sso-admin-password-stdin', [CompletionResultType]::ParameterName, 'Read the administrator''s password from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing (in 3scale, in Red Hat SSO, on this machine)')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;sso;list' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose admin portal it is: its id, organization name, subdomain or admin portal host; another tenant''s token must be kept on this machine (`tenant create` keeps it) [default: the install''s own tenant, with ADMIN_ACCESS_TOKEN of secret system-seed]')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;sso;show' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose admin portal it is: its id, organization name, subdomain or admin portal host; another tenant''s token must be kept on this machine (`tenant create` keeps it) [default: the install''s own tenant, with ADMIN_ACCESS_TOKEN of secret system-seed]')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;sso;remove' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose admin portal it is: its id, organization name, subdomain or admin portal host; another tenant''s token must be kept on this machine (`tenant create` keeps it) [default: the install''s own tenant, with ADMIN_ACCESS_TOKEN of secret system-seed]')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing (in 3scale, in Red Hat SSO, on this machine)')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;sso;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add (or bring up to date) Red Hat SSO as a login of the admin portal: the realm checked from here, the integration made through the API, its redirect URI printed, the client set in the realm with --create-client, published with --publish')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the admin portal''s SSO integrations (never their secrets)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one SSO integration: its realm, client, redirect URIs and state')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Unpublish an SSO integration (3scale 2.8''s API cannot delete one; how to is printed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;sso;help;add' {
            break
        }
        'threescale-install;sso;help;list' {
            break
        }
        'threescale-install;sso;help;show' {
            break
        }
        'threescale-install;sso;help;remove' {
            break
        }
        'threescale-install;sso;help;help' {
            break
        }
        'threescale-install;users' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the admin portal''s users: role, state, and each member''s sections and products')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user (active, no password: it signs in by SSO, or sets one with "forgot password"), an admin or a member with what it is granted')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Make a user an admin or a member')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Set exactly what a member reaches: its sections and products')
            [CompletionResult]::new('suspend', 'suspend', [CompletionResultType]::ParameterValue, 'Suspend a user: its sessions end, and it cannot sign in (by SSO either)')
            [CompletionResult]::new('unsuspend', 'unsuspend', [CompletionResultType]::ParameterValue, 'Make a suspended (or pending) user active again')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user, with its access tokens')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Make the admin portal''s users those of a team file (admins, and members with their sections and services); prints the difference first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;users;list' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose admin portal it is: its id, organization name, subdomain or admin portal host; another tenant''s token must be kept on this machine (`tenant create` keeps it) [default: the install''s own tenant, with ADMIN_ACCESS_TOKEN of secret system-seed]')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;users;add' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The user''s e-mail, in lower case (what SSO matches)')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'admin or member [default: member]')
            [CompletionResult]::new('--section', '--section', [CompletionResultType]::ParameterName, 'A section of the admin portal, repeatable or comma-separated: portal, finance, settings, partners, monitoring, plans, policy_registry [default: none]')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'A product, by system name or id, repeatable or comma-separated [default: none]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose admin portal it is: its id, organization name, subdomain or admin portal host; another tenant''s token must be kept on this machine (`tenant create` keeps it) [default: the install''s own tenant, with ADMIN_ACCESS_TOKEN of secret system-seed]')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--all-services', '--all-services', [CompletionResultType]::ParameterName, 'Every product, now and later')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing (in 3scale, in Red Hat SSO, on this machine)')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;users;role' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose admin portal it is: its id, organization name, subdomain or admin portal host; another tenant''s token must be kept on this machine (`tenant create` keeps it) [default: the install''s own tenant, with ADMIN_ACCESS_TOKEN of secret system-seed]')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing (in 3scale, in Red Hat SSO, on this machine)')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;users;grant' {
            [CompletionResult]::new('--section', '--section', [CompletionResultType]::ParameterName, 'A section of the admin portal, repeatable or comma-separated: portal, finance, settings, partners, monitoring, plans, policy_registry [default: none]')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'A product, by system name or id, repeatable or comma-separated [default: none]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose admin portal it is: its id, organization name, subdomain or admin portal host; another tenant''s token must be kept on this machine (`tenant create` keeps it) [default: the install''s own tenant, with ADMIN_ACCESS_TOKEN of secret system-seed]')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--all-services', '--all-services', [CompletionResultType]::ParameterName, 'Every product, now and later')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing (in 3scale, in Red Hat SSO, on this machine)')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;users;suspend' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose admin portal it is: its id, organization name, subdomain or admin portal host; another tenant''s token must be kept on this machine (`tenant create` keeps it) [default: the install''s own tenant, with ADMIN_ACCESS_TOKEN of secret system-seed]')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing (in 3scale, in Red Hat SSO, on this machine)')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;users;unsuspend' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose admin portal it is: its id, organization name, subdomain or admin portal host; another tenant''s token must be kept on this machine (`tenant create` keeps it) [default: the install''s own tenant, with ADMIN_ACCESS_TOKEN of secret system-seed]')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing (in 3scale, in Red Hat SSO, on this machine)')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;users;remove' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose admin portal it is: its id, organization name, subdomain or admin portal host; another tenant''s token must be kept on this machine (`tenant create` keeps it) [default: the install''s own tenant, with ADMIN_ACCESS_TOKEN of secret system-seed]')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing (in 3scale, in Red Hat SSO, on this machine)')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;users;sync' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The team file (YAML): `admins:` and `members:`, each a list of `username:` and `email:`; members also `sections:` and `services:` (system names or ids, or `all`)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose admin portal it is: its id, organization name, subdomain or admin portal host; another tenant''s token must be kept on this machine (`tenant create` keeps it) [default: the install''s own tenant, with ADMIN_ACCESS_TOKEN of secret system-seed]')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'A CA certificate (PEM) to trust besides the system''s: a router''s private CA')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Reach HOST at ADDRESS (port 443), as curl''s --resolve, before the DNS record exists; repeatable or comma-separated')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'The install''s credentials file; tenants'' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project''s state directory]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also remove the users the file does not list (never the token''s own)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before changing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, and change nothing (in 3scale, in Red Hat SSO, on this machine)')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the portals'' certificates (oc''s flag of the same name); a warning says so')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;users;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the admin portal''s users: role, state, and each member''s sections and products')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user (active, no password: it signs in by SSO, or sets one with "forgot password"), an admin or a member with what it is granted')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Make a user an admin or a member')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Set exactly what a member reaches: its sections and products')
            [CompletionResult]::new('suspend', 'suspend', [CompletionResultType]::ParameterValue, 'Suspend a user: its sessions end, and it cannot sign in (by SSO either)')
            [CompletionResult]::new('unsuspend', 'unsuspend', [CompletionResultType]::ParameterValue, 'Make a suspended (or pending) user active again')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user, with its access tokens')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Make the admin portal''s users those of a team file (admins, and members with their sections and services); prints the difference first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;users;help;list' {
            break
        }
        'threescale-install;users;help;add' {
            break
        }
        'threescale-install;users;help;role' {
            break
        }
        'threescale-install;users;help;grant' {
            break
        }
        'threescale-install;users;help;suspend' {
            break
        }
        'threescale-install;users;help;unsuspend' {
            break
        }
        'threescale-install;users;help;remove' {
            break
        }
        'threescale-install;users;help;sync' {
            break
        }
        'threescale-install;users;help;help' {
            break
        }
        'threescale-install;export' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('apimanager', 'apimanager', [CompletionResultType]::ParameterValue, 'An APIManager custom resource for the 3scale operator of a release (YAML; JSON with -o json), checked against that release''s CRD, with the secrets the operator adopts (names and keys, never values) and what the resource cannot express; changes nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;export;apimanager' {
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--operator-version', '--operator-version', [CompletionResultType]::ParameterName, 'The 3scale operator release to write the APIManager for: 2.8, 2.9, 2.10, 2.11 or 2.12 [default: the release the install runs]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;export;help' {
            [CompletionResult]::new('apimanager', 'apimanager', [CompletionResultType]::ParameterValue, 'An APIManager custom resource for the 3scale operator of a release (YAML; JSON with -o json), checked against that release''s CRD, with the secrets the operator adopts (names and keys, never values) and what the resource cannot express; changes nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;export;help;apimanager' {
            break
        }
        'threescale-install;export;help;help' {
            break
        }
        'threescale-install;upgrade' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'The ordered changes from the installed release to a later template release, one minor release at a time: parameters, objects and their fields, images, rollouts, the backup, and what was edited by hand since the install; changes nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;upgrade;plan' {
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all (a flag beats the environment''s repository)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The release to plan to: 2.9, 2.9.1.GA, 3scale-2.10.0-GA, or another ref of the templates repository; past 2.12 (the last template release) the plan says what the operator does')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--refresh-templates', '--refresh-templates', [CompletionResultType]::ParameterName, 'Fetch a branch again even when it is cached (tags and commits never change)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;upgrade;help' {
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'The ordered changes from the installed release to a later template release, one minor release at a time: parameters, objects and their fields, images, rollouts, the backup, and what was edited by hand since the install; changes nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;upgrade;help;plan' {
            break
        }
        'threescale-install;upgrade;help;help' {
            break
        }
        'threescale-install;render' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('pull-secret', 'pull-secret', [CompletionResultType]::ParameterValue, 'The pull secret manifest, the password read from THREESCALE_REGISTRY_PASSWORD')
            [CompletionResult]::new('param-file', 'param-file', [CompletionResultType]::ParameterValue, 'oc param-file lines for the named parameters, each read from THREESCALE_PARAM_<NAME>')
            [CompletionResult]::new('objects', 'objects', [CompletionResultType]::ParameterValue, 'A processed template''s List (stdin) with the API versions a cluster of Kubernetes 1.<MINOR> serves, and only the named objects')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'What each template file of a checkout is (official, modified, unknown) and which 3scale release it installs against the release its ref names, as JSON')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;render;pull-secret' {
            [CompletionResult]::new('--registry-server', '--registry-server', [CompletionResultType]::ParameterName, 'registry-server')
            [CompletionResult]::new('--registry-username', '--registry-username', [CompletionResultType]::ParameterName, 'registry-username')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;render;param-file' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;render;objects' {
            [CompletionResult]::new('--kube-minor', '--kube-minor', [CompletionResultType]::ParameterName, 'kube-minor')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'only')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;render;release' {
            [CompletionResult]::new('--ref', '--ref', [CompletionResultType]::ParameterName, 'The ref it is a checkout of (default: its commit, else its amp/amp.yml says)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;render;help' {
            [CompletionResult]::new('pull-secret', 'pull-secret', [CompletionResultType]::ParameterValue, 'The pull secret manifest, the password read from THREESCALE_REGISTRY_PASSWORD')
            [CompletionResult]::new('param-file', 'param-file', [CompletionResultType]::ParameterValue, 'oc param-file lines for the named parameters, each read from THREESCALE_PARAM_<NAME>')
            [CompletionResult]::new('objects', 'objects', [CompletionResultType]::ParameterValue, 'A processed template''s List (stdin) with the API versions a cluster of Kubernetes 1.<MINOR> serves, and only the named objects')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'What each template file of a checkout is (official, modified, unknown) and which 3scale release it installs against the release its ref names, as JSON')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;render;help;pull-secret' {
            break
        }
        'threescale-install;render;help;param-file' {
            break
        }
        'threescale-install;render;help;objects' {
            break
        }
        'threescale-install;render;help;release' {
            break
        }
        'threescale-install;render;help;help' {
            break
        }
        'threescale-install;completions' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write the page of the program and of every command (threescale-install-gateway-add.1, ...) to DIR, created when missing, e.g. ~/.cargo/share/man/man1 beside a `cargo install`')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim; install, plan and preflight without it continue this machine''s unfinished install on the cluster, in its project]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets masked) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install 3scale (what runs without a subcommand)')
            [CompletionResult]::new('preflight', 'preflight', [CompletionResultType]::ParameterValue, 'Run every read-only check of an install and print them as a table; changes nothing')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Print what an install would do, as a reviewable shell script; changes nothing')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show an installed project: profile, templates commit, components, routes, root cause')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check that 3scale answers through its routes: DNS, TLS, the portals, the APIs with the install''s tokens, the gateways')
            [CompletionResult]::new('credentials', 'credentials', [CompletionResultType]::ParameterValue, 'Print the URLs and logins of an installed project, read from secret system-seed')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Delete what the install created (or the whole project with --delete-project)')
            [CompletionResult]::new('gather', 'gather', [CompletionResultType]::ParameterValue, 'Write a support bundle of a project (objects, statuses, logs, events, `status` and `verify`) that holds no secret: every value of the project''s Secrets is masked, and looked for in every encoding before the archive is written')
            [CompletionResult]::new('gateway', 'gateway', [CompletionResultType]::ParameterValue, 'Self-managed APIcast gateways of an install: add one in a project of this or another cluster, list them, show their state, remove one')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Create, list, show and remove tenants: more admin portals of the same 3scale')
            [CompletionResult]::new('monitoring', 'monitoring', [CompletionResultType]::ParameterValue, 'Monitoring of an install by OpenShift''s user-workload monitoring: the stack and the plan, enable (PodMonitors, rules, dashboards, the metrics 3scale 2.8 can emit), status, disable')
            [CompletionResult]::new('sso', 'sso', [CompletionResultType]::ParameterValue, 'Single sign-on to a tenant''s admin portal with Red Hat SSO: add, list, show, remove')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'The users of a tenant''s admin portal: list, add, role, grant, suspend, unsuspend, remove, and sync with a team file')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the install as the 3scale operator''s APIManager: the custom resource, the secrets the operator adopts as they are, and what the resource cannot express')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Plan the upgrade of the install to a later template release, hop by hop; changes nothing')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Render what `plan`''s scripts pipe to oc, secrets read from the environment')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write every page to a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;help;install' {
            break
        }
        'threescale-install;help;preflight' {
            break
        }
        'threescale-install;help;plan' {
            break
        }
        'threescale-install;help;status' {
            break
        }
        'threescale-install;help;verify' {
            break
        }
        'threescale-install;help;credentials' {
            break
        }
        'threescale-install;help;uninstall' {
            break
        }
        'threescale-install;help;gather' {
            break
        }
        'threescale-install;help;gateway' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a gateway: mint its access token, create its portal-endpoint and pull secrets, the template''s objects and an edge route per host, and wait until it is ready')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the gateways this tool made: environment, hosts, readiness, whether their token works')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show one gateway (or all): its routes, readiness with the root cause, its token')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a gateway: exactly what `gateway add` made, and revoke the token it minted')
            break
        }
        'threescale-install;help;gateway;add' {
            break
        }
        'threescale-install;help;gateway;list' {
            break
        }
        'threescale-install;help;gateway;status' {
            break
        }
        'threescale-install;help;gateway;remove' {
            break
        }
        'threescale-install;help;tenant' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Sign a tenant up through the Master API, activate its admin user, wait for its routes and store its login; a tenant of the same organization name is not created again')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenants of the install (the master''s accounts)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a tenant: its state, portals, routes, and whether the stored token still works')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Schedule a tenant''s deletion (3scale keeps it 15 days, when it can be resumed) and remove its stored login')
            break
        }
        'threescale-install;help;tenant;create' {
            break
        }
        'threescale-install;help;tenant;list' {
            break
        }
        'threescale-install;help;tenant;show' {
            break
        }
        'threescale-install;help;tenant;remove' {
            break
        }
        'threescale-install;help;monitoring' {
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show the monitoring stack (user-workload monitoring, the monitoring API, your rights, the Grafana operator) and every change `monitoring enable` would make; changes nothing')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Expose the metrics 3scale 2.8 emits (patching deployment configs: one rollout each) and create PodMonitors, alerting rules and Grafana dashboards; a re-run changes nothing')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the monitoring objects, the patched components and, when your token may query the cluster''s monitoring API, the health of each target and what each rule returns')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Delete what `monitoring enable` created and take back its patches of the deployment configs')
            break
        }
        'threescale-install;help;monitoring;plan' {
            break
        }
        'threescale-install;help;monitoring;enable' {
            break
        }
        'threescale-install;help;monitoring;status' {
            break
        }
        'threescale-install;help;monitoring;disable' {
            break
        }
        'threescale-install;help;sso' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add (or bring up to date) Red Hat SSO as a login of the admin portal: the realm checked from here, the integration made through the API, its redirect URI printed, the client set in the realm with --create-client, published with --publish')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the admin portal''s SSO integrations (never their secrets)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one SSO integration: its realm, client, redirect URIs and state')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Unpublish an SSO integration (3scale 2.8''s API cannot delete one; how to is printed)')
            break
        }
        'threescale-install;help;sso;add' {
            break
        }
        'threescale-install;help;sso;list' {
            break
        }
        'threescale-install;help;sso;show' {
            break
        }
        'threescale-install;help;sso;remove' {
            break
        }
        'threescale-install;help;users' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the admin portal''s users: role, state, and each member''s sections and products')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user (active, no password: it signs in by SSO, or sets one with "forgot password"), an admin or a member with what it is granted')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Make a user an admin or a member')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Set exactly what a member reaches: its sections and products')
            [CompletionResult]::new('suspend', 'suspend', [CompletionResultType]::ParameterValue, 'Suspend a user: its sessions end, and it cannot sign in (by SSO either)')
            [CompletionResult]::new('unsuspend', 'unsuspend', [CompletionResultType]::ParameterValue, 'Make a suspended (or pending) user active again')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user, with its access tokens')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Make the admin portal''s users those of a team file (admins, and members with their sections and services); prints the difference first')
            break
        }
        'threescale-install;help;users;list' {
            break
        }
        'threescale-install;help;users;add' {
            break
        }
        'threescale-install;help;users;role' {
            break
        }
        'threescale-install;help;users;grant' {
            break
        }
        'threescale-install;help;users;suspend' {
            break
        }
        'threescale-install;help;users;unsuspend' {
            break
        }
        'threescale-install;help;users;remove' {
            break
        }
        'threescale-install;help;users;sync' {
            break
        }
        'threescale-install;help;export' {
            [CompletionResult]::new('apimanager', 'apimanager', [CompletionResultType]::ParameterValue, 'An APIManager custom resource for the 3scale operator of a release (YAML; JSON with -o json), checked against that release''s CRD, with the secrets the operator adopts (names and keys, never values) and what the resource cannot express; changes nothing')
            break
        }
        'threescale-install;help;export;apimanager' {
            break
        }
        'threescale-install;help;upgrade' {
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'The ordered changes from the installed release to a later template release, one minor release at a time: parameters, objects and their fields, images, rollouts, the backup, and what was edited by hand since the install; changes nothing')
            break
        }
        'threescale-install;help;upgrade;plan' {
            break
        }
        'threescale-install;help;render' {
            [CompletionResult]::new('pull-secret', 'pull-secret', [CompletionResultType]::ParameterValue, 'The pull secret manifest, the password read from THREESCALE_REGISTRY_PASSWORD')
            [CompletionResult]::new('param-file', 'param-file', [CompletionResultType]::ParameterValue, 'oc param-file lines for the named parameters, each read from THREESCALE_PARAM_<NAME>')
            [CompletionResult]::new('objects', 'objects', [CompletionResultType]::ParameterValue, 'A processed template''s List (stdin) with the API versions a cluster of Kubernetes 1.<MINOR> serves, and only the named objects')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'What each template file of a checkout is (official, modified, unknown) and which 3scale release it installs against the release its ref names, as JSON')
            break
        }
        'threescale-install;help;render;pull-secret' {
            break
        }
        'threescale-install;help;render;param-file' {
            break
        }
        'threescale-install;help;render;objects' {
            break
        }
        'threescale-install;help;render;release' {
            break
        }
        'threescale-install;help;completions' {
            break
        }
        'threescale-install;help;man' {
            break
        }
        'threescale-install;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
