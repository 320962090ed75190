
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('gateway', 'gateway', [CompletionResultType]::ParameterValue, 'Self-managed APIcast gateways of an install: add one in a project of this or another cluster, list them, show their state, remove one')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Create, list, show and remove tenants: more admin portals of the same 3scale')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); templates/answers.example.yaml documents every key')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress and prompts stay on stderr [default: text]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project''s state directory]')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
        'threescale-install;gateway' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
        'threescale-install;render' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;render;pull-secret' {
            [CompletionResult]::new('--registry-server', '--registry-server', [CompletionResultType]::ParameterName, 'registry-server')
            [CompletionResult]::new('--registry-username', '--registry-username', [CompletionResultType]::ParameterName, 'registry-username')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
        'threescale-install;render;help;help' {
            break
        }
        'threescale-install;completions' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project of the install [default: 3scale-apim]')
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
            [CompletionResult]::new('gateway', 'gateway', [CompletionResultType]::ParameterValue, 'Self-managed APIcast gateways of an install: add one in a project of this or another cluster, list them, show their state, remove one')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Create, list, show and remove tenants: more admin portals of the same 3scale')
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
        'threescale-install;help;render' {
            [CompletionResult]::new('pull-secret', 'pull-secret', [CompletionResultType]::ParameterValue, 'The pull secret manifest, the password read from THREESCALE_REGISTRY_PASSWORD')
            [CompletionResult]::new('param-file', 'param-file', [CompletionResultType]::ParameterValue, 'oc param-file lines for the named parameters, each read from THREESCALE_PARAM_<NAME>')
            [CompletionResult]::new('objects', 'objects', [CompletionResultType]::ParameterValue, 'A processed template''s List (stdin) with the API versions a cluster of Kubernetes 1.<MINOR> serves, and only the named objects')
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
