
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
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); see templates/answers.example.yaml for every key')
            [CompletionResult]::new('--skip-check', '--skip-check', [CompletionResultType]::ParameterName, 'Turn the named preflight failure into a warning (repeatable): storage, permissions, openshift-version, claims, capacity, quota')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Time between two looks at the cluster while waiting, at most 2s; transient read failures are retried after a quarter of it, doubling')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Install profile: a template of the checkout''s amp/ directory by name (amp, amp-s3, amp-postgresql, ...) or a path to a template file [default: amp]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to install into; created if missing [default: 3scale-apim]')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Display name of a project that is created [default: 3Scale API Management]')
            [CompletionResult]::new('--wildcard-domain', '--wildcard-domain', [CompletionResultType]::ParameterName, 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster''s ingress domain, when readable]')
            [CompletionResult]::new('--rwx-storage-class', '--rwx-storage-class', [CompletionResultType]::ParameterName, 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Template parameter, repeatable (values go to oc on stdin, never on its command line)')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'Template parameter, repeatable (values go to oc on stdin, never on its command line)')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'Where to write the credentials (mode 0600) [default: a per-project file in the state dir]')
            [CompletionResult]::new('--registry-server', '--registry-server', [CompletionResultType]::ParameterName, 'Registry the 3scale images come from [default: registry.redhat.io]')
            [CompletionResult]::new('--registry-username', '--registry-username', [CompletionResultType]::ParameterName, 'Registry user, e.g. a registry service account ''12345|name''')
            [CompletionResult]::new('--registry-password-file', '--registry-password-file', [CompletionResultType]::ParameterName, 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--aws-secret-access-key-file', '--aws-secret-access-key-file', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for every component to be ready (e.g. 45m)')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended) [default: a per-project file in the state dir]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress stays on stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress stays on stderr')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal (like --yes, for scripts that run in one)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets redacted) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets redacted) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the final summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the final summary')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With install: print the plan instead of changing the cluster (same as `plan`)')
            [CompletionResult]::new('--registry-password-stdin', '--registry-password-stdin', [CompletionResultType]::ParameterName, 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--confirm-password', '--confirm-password', [CompletionResultType]::ParameterName, 'When the password is typed at a prompt, ask for it twice')
            [CompletionResult]::new('--aws-secret-access-key-stdin', '--aws-secret-access-key-stdin', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from standard input')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for 3scale to work after creating it')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print passwords and tokens in the summary even when stdout is not a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install 3scale (what runs without a subcommand)')
            [CompletionResult]::new('preflight', 'preflight', [CompletionResultType]::ParameterValue, 'Run every read-only check of an install and print them as a table; changes nothing')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Print what an install would do, as a reviewable shell script; changes nothing')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show an installed project: profile, templates commit, components, routes, failures')
            [CompletionResult]::new('credentials', 'credentials', [CompletionResultType]::ParameterValue, 'Print the URLs and logins of an installed project, read from secret system-seed')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Delete what the install created (or the whole project with --delete-project)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'threescale-install;install' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); see templates/answers.example.yaml for every key')
            [CompletionResult]::new('--skip-check', '--skip-check', [CompletionResultType]::ParameterName, 'Turn the named preflight failure into a warning (repeatable): storage, permissions, openshift-version, claims, capacity, quota')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Time between two looks at the cluster while waiting, at most 2s; transient read failures are retried after a quarter of it, doubling')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Install profile: a template of the checkout''s amp/ directory by name (amp, amp-s3, amp-postgresql, ...) or a path to a template file [default: amp]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to install into; created if missing [default: 3scale-apim]')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Display name of a project that is created [default: 3Scale API Management]')
            [CompletionResult]::new('--wildcard-domain', '--wildcard-domain', [CompletionResultType]::ParameterName, 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster''s ingress domain, when readable]')
            [CompletionResult]::new('--rwx-storage-class', '--rwx-storage-class', [CompletionResultType]::ParameterName, 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Template parameter, repeatable (values go to oc on stdin, never on its command line)')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'Template parameter, repeatable (values go to oc on stdin, never on its command line)')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'Where to write the credentials (mode 0600) [default: a per-project file in the state dir]')
            [CompletionResult]::new('--registry-server', '--registry-server', [CompletionResultType]::ParameterName, 'Registry the 3scale images come from [default: registry.redhat.io]')
            [CompletionResult]::new('--registry-username', '--registry-username', [CompletionResultType]::ParameterName, 'Registry user, e.g. a registry service account ''12345|name''')
            [CompletionResult]::new('--registry-password-file', '--registry-password-file', [CompletionResultType]::ParameterName, 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--aws-secret-access-key-file', '--aws-secret-access-key-file', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for every component to be ready (e.g. 45m)')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended) [default: a per-project file in the state dir]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress stays on stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress stays on stderr')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal (like --yes, for scripts that run in one)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets redacted) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets redacted) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the final summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the final summary')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With install: print the plan instead of changing the cluster (same as `plan`)')
            [CompletionResult]::new('--registry-password-stdin', '--registry-password-stdin', [CompletionResultType]::ParameterName, 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--confirm-password', '--confirm-password', [CompletionResultType]::ParameterName, 'When the password is typed at a prompt, ask for it twice')
            [CompletionResult]::new('--aws-secret-access-key-stdin', '--aws-secret-access-key-stdin', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from standard input')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for 3scale to work after creating it')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print passwords and tokens in the summary even when stdout is not a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;preflight' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); see templates/answers.example.yaml for every key')
            [CompletionResult]::new('--skip-check', '--skip-check', [CompletionResultType]::ParameterName, 'Turn the named preflight failure into a warning (repeatable): storage, permissions, openshift-version, claims, capacity, quota')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Time between two looks at the cluster while waiting, at most 2s; transient read failures are retried after a quarter of it, doubling')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Install profile: a template of the checkout''s amp/ directory by name (amp, amp-s3, amp-postgresql, ...) or a path to a template file [default: amp]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to install into; created if missing [default: 3scale-apim]')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Display name of a project that is created [default: 3Scale API Management]')
            [CompletionResult]::new('--wildcard-domain', '--wildcard-domain', [CompletionResultType]::ParameterName, 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster''s ingress domain, when readable]')
            [CompletionResult]::new('--rwx-storage-class', '--rwx-storage-class', [CompletionResultType]::ParameterName, 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Template parameter, repeatable (values go to oc on stdin, never on its command line)')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'Template parameter, repeatable (values go to oc on stdin, never on its command line)')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'Where to write the credentials (mode 0600) [default: a per-project file in the state dir]')
            [CompletionResult]::new('--registry-server', '--registry-server', [CompletionResultType]::ParameterName, 'Registry the 3scale images come from [default: registry.redhat.io]')
            [CompletionResult]::new('--registry-username', '--registry-username', [CompletionResultType]::ParameterName, 'Registry user, e.g. a registry service account ''12345|name''')
            [CompletionResult]::new('--registry-password-file', '--registry-password-file', [CompletionResultType]::ParameterName, 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--aws-secret-access-key-file', '--aws-secret-access-key-file', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for every component to be ready (e.g. 45m)')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended) [default: a per-project file in the state dir]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress stays on stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress stays on stderr')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal (like --yes, for scripts that run in one)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets redacted) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets redacted) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the final summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the final summary')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With install: print the plan instead of changing the cluster (same as `plan`)')
            [CompletionResult]::new('--registry-password-stdin', '--registry-password-stdin', [CompletionResultType]::ParameterName, 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--confirm-password', '--confirm-password', [CompletionResultType]::ParameterName, 'When the password is typed at a prompt, ask for it twice')
            [CompletionResult]::new('--aws-secret-access-key-stdin', '--aws-secret-access-key-stdin', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from standard input')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for 3scale to work after creating it')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print passwords and tokens in the summary even when stdout is not a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;plan' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML); see templates/answers.example.yaml for every key')
            [CompletionResult]::new('--skip-check', '--skip-check', [CompletionResultType]::ParameterName, 'Turn the named preflight failure into a warning (repeatable): storage, permissions, openshift-version, claims, capacity, quota')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Time between two looks at the cluster while waiting, at most 2s; transient read failures are retried after a quarter of it, doubling')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Install profile: a template of the checkout''s amp/ directory by name (amp, amp-s3, amp-postgresql, ...) or a path to a template file [default: amp]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project to install into; created if missing [default: 3scale-apim]')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Display name of a project that is created [default: 3Scale API Management]')
            [CompletionResult]::new('--wildcard-domain', '--wildcard-domain', [CompletionResultType]::ParameterName, 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster''s ingress domain, when readable]')
            [CompletionResult]::new('--rwx-storage-class', '--rwx-storage-class', [CompletionResultType]::ParameterName, 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Template parameter, repeatable (values go to oc on stdin, never on its command line)')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'Template parameter, repeatable (values go to oc on stdin, never on its command line)')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'Where to write the credentials (mode 0600) [default: a per-project file in the state dir]')
            [CompletionResult]::new('--registry-server', '--registry-server', [CompletionResultType]::ParameterName, 'Registry the 3scale images come from [default: registry.redhat.io]')
            [CompletionResult]::new('--registry-username', '--registry-username', [CompletionResultType]::ParameterName, 'Registry user, e.g. a registry service account ''12345|name''')
            [CompletionResult]::new('--registry-password-file', '--registry-password-file', [CompletionResultType]::ParameterName, 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--aws-secret-access-key-file', '--aws-secret-access-key-file', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID')
            [CompletionResult]::new('--templates-repo', '--templates-repo', [CompletionResultType]::ParameterName, 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]')
            [CompletionResult]::new('--templates-ref', '--templates-ref', [CompletionResultType]::ParameterName, 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]')
            [CompletionResult]::new('--templates-dir', '--templates-dir', [CompletionResultType]::ParameterName, 'Use an existing checkout of the templates; no git at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for every component to be ready (e.g. 45m)')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'The transcript of the run (appended) [default: a per-project file in the state dir]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress stays on stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress stays on stderr')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even in a terminal (like --yes, for scripts that run in one)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets redacted) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets redacted) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the final summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the final summary')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With install: print the plan instead of changing the cluster (same as `plan`)')
            [CompletionResult]::new('--registry-password-stdin', '--registry-password-stdin', [CompletionResultType]::ParameterName, 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)')
            [CompletionResult]::new('--confirm-password', '--confirm-password', [CompletionResultType]::ParameterName, 'When the password is typed at a prompt, ask for it twice')
            [CompletionResult]::new('--aws-secret-access-key-stdin', '--aws-secret-access-key-stdin', [CompletionResultType]::ParameterName, 'Read AWS_SECRET_ACCESS_KEY from standard input')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for 3scale to work after creating it')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print passwords and tokens in the summary even when stdout is not a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;status' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The installed project [default: 3scale-apim]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML): its project, oc, kubeconfig, context and credentials_file are used')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'Where the credentials file is [default: a per-project file in the state dir]')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Time between two looks at the cluster while waiting, at most 2s; transient read failures are retried after a quarter of it, doubling')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress stays on stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress stays on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets redacted) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets redacted) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print passwords and tokens in the summary even when stdout is not a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;credentials' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The installed project [default: 3scale-apim]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML): its project, oc, kubeconfig, context and credentials_file are used')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'Where the credentials file is [default: a per-project file in the state dir]')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Time between two looks at the cluster while waiting, at most 2s; transient read failures are retried after a quarter of it, doubling')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress stays on stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress stays on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets redacted) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets redacted) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print passwords and tokens in the summary even when stdout is not a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;uninstall' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The installed project [default: 3scale-apim]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Answers file (YAML): its project, oc, kubeconfig, context and credentials_file are used')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'Where the credentials file is [default: a per-project file in the state dir]')
            [CompletionResult]::new('--oc', '--oc', [CompletionResultType]::ParameterName, 'The oc binary to use [default: oc from PATH]')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig passed to oc as --kubeconfig')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubeconfig context passed to oc as --context')
            [CompletionResult]::new('--oc-timeout', '--oc-timeout', [CompletionResultType]::ParameterName, 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Time between two looks at the cluster while waiting, at most 2s; transient read failures are retried after a quarter of it, doubling')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Result format on stdout; progress stays on stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout; progress stays on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each oc command (secrets redacted) as it runs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each oc command (secrets redacted) as it runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print passwords and tokens in the summary even when stdout is not a terminal')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before deleting')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before deleting')
            [CompletionResult]::new('--delete-project', '--delete-project', [CompletionResultType]::ParameterName, 'Delete the whole project instead of the objects the install created')
            [CompletionResult]::new('--keep-credentials', '--keep-credentials', [CompletionResultType]::ParameterName, 'Keep the local credentials file')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;man' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'threescale-install;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install 3scale (what runs without a subcommand)')
            [CompletionResult]::new('preflight', 'preflight', [CompletionResultType]::ParameterValue, 'Run every read-only check of an install and print them as a table; changes nothing')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Print what an install would do, as a reviewable shell script; changes nothing')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show an installed project: profile, templates commit, components, routes, failures')
            [CompletionResult]::new('credentials', 'credentials', [CompletionResultType]::ParameterValue, 'Print the URLs and logins of an installed project, read from secret system-seed')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Delete what the install created (or the whole project with --delete-project)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
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
        'threescale-install;help;credentials' {
            break
        }
        'threescale-install;help;uninstall' {
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
