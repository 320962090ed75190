
use builtin;
use str;

set edit:completion:arg-completer[threescale-install] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'threescale-install'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'threescale-install'= {
            cand --config 'Answers file (YAML); see templates/answers.example.yaml for every key'
            cand --skip-check 'Turn the named preflight failure into a warning (repeatable): storage, permissions, openshift-version, claims, capacity, quota'
            cand --oc 'The oc binary to use [default: oc from PATH]'
            cand --kubeconfig 'Kubeconfig passed to oc as --kubeconfig'
            cand --context 'Kubeconfig context passed to oc as --context'
            cand --template 'Install profile: a template of the checkout''s amp/ directory by name (amp, amp-s3, amp-postgresql, ...) or a path to a template file [default: amp]'
            cand --project 'Project to install into; created if missing [default: 3scale-apim]'
            cand --display-name 'Display name of a project that is created [default: 3Scale API Management]'
            cand --wildcard-domain 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster''s ingress domain, when readable]'
            cand --rwx-storage-class 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]'
            cand -p 'Template parameter, repeatable (values go to oc on stdin, never on its command line)'
            cand --param 'Template parameter, repeatable (values go to oc on stdin, never on its command line)'
            cand --credentials-file 'Where to write the credentials (mode 0600) [default: a per-project file in the state dir]'
            cand --registry-server 'Registry the 3scale images come from [default: registry.redhat.io]'
            cand --registry-username 'Registry user, e.g. a registry service account ''12345|name'''
            cand --registry-password-file 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)'
            cand --aws-secret-access-key-file 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID'
            cand --templates-repo 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]'
            cand --templates-ref 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]'
            cand --templates-dir 'Use an existing checkout of the templates; no git at all'
            cand -o 'Result format on stdout; progress stays on stderr'
            cand --output 'Result format on stdout; progress stays on stderr'
            cand -y 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
            cand --yes 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
            cand --no-input 'Never prompt, even in a terminal (like --yes, for scripts that run in one)'
            cand -v 'Print each oc command (secrets redacted) as it runs'
            cand --verbose 'Print each oc command (secrets redacted) as it runs'
            cand -q 'Print only errors and the final summary'
            cand --quiet 'Print only errors and the final summary'
            cand --strict 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning'
            cand --dry-run 'With install: print the plan instead of changing the cluster (same as `plan`)'
            cand --registry-password-stdin 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)'
            cand --confirm-password 'When the password is typed at a prompt, ask for it twice'
            cand --aws-secret-access-key-stdin 'Read AWS_SECRET_ACCESS_KEY from standard input'
            cand --show-secrets 'Print passwords and tokens in the summary even when stdout is not a terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand install 'Install 3scale (what runs without a subcommand)'
            cand preflight 'Run every read-only check of an install and print them as a table; changes nothing'
            cand plan 'Print what an install would do, as a reviewable shell script; changes nothing'
            cand status 'Show an installed project: profile, templates commit, components, routes, failures'
            cand credentials 'Print the URLs and logins of an installed project, read from secret system-seed'
            cand uninstall 'Delete what the install created (or the whole project with --delete-project)'
            cand completions 'Print the completion script for a shell'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'threescale-install;install'= {
            cand --config 'Answers file (YAML); see templates/answers.example.yaml for every key'
            cand --skip-check 'Turn the named preflight failure into a warning (repeatable): storage, permissions, openshift-version, claims, capacity, quota'
            cand --oc 'The oc binary to use [default: oc from PATH]'
            cand --kubeconfig 'Kubeconfig passed to oc as --kubeconfig'
            cand --context 'Kubeconfig context passed to oc as --context'
            cand --template 'Install profile: a template of the checkout''s amp/ directory by name (amp, amp-s3, amp-postgresql, ...) or a path to a template file [default: amp]'
            cand --project 'Project to install into; created if missing [default: 3scale-apim]'
            cand --display-name 'Display name of a project that is created [default: 3Scale API Management]'
            cand --wildcard-domain 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster''s ingress domain, when readable]'
            cand --rwx-storage-class 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]'
            cand -p 'Template parameter, repeatable (values go to oc on stdin, never on its command line)'
            cand --param 'Template parameter, repeatable (values go to oc on stdin, never on its command line)'
            cand --credentials-file 'Where to write the credentials (mode 0600) [default: a per-project file in the state dir]'
            cand --registry-server 'Registry the 3scale images come from [default: registry.redhat.io]'
            cand --registry-username 'Registry user, e.g. a registry service account ''12345|name'''
            cand --registry-password-file 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)'
            cand --aws-secret-access-key-file 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID'
            cand --templates-repo 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]'
            cand --templates-ref 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]'
            cand --templates-dir 'Use an existing checkout of the templates; no git at all'
            cand -o 'Result format on stdout; progress stays on stderr'
            cand --output 'Result format on stdout; progress stays on stderr'
            cand -y 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
            cand --yes 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
            cand --no-input 'Never prompt, even in a terminal (like --yes, for scripts that run in one)'
            cand -v 'Print each oc command (secrets redacted) as it runs'
            cand --verbose 'Print each oc command (secrets redacted) as it runs'
            cand -q 'Print only errors and the final summary'
            cand --quiet 'Print only errors and the final summary'
            cand --strict 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning'
            cand --dry-run 'With install: print the plan instead of changing the cluster (same as `plan`)'
            cand --registry-password-stdin 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)'
            cand --confirm-password 'When the password is typed at a prompt, ask for it twice'
            cand --aws-secret-access-key-stdin 'Read AWS_SECRET_ACCESS_KEY from standard input'
            cand --show-secrets 'Print passwords and tokens in the summary even when stdout is not a terminal'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'threescale-install;preflight'= {
            cand --config 'Answers file (YAML); see templates/answers.example.yaml for every key'
            cand --skip-check 'Turn the named preflight failure into a warning (repeatable): storage, permissions, openshift-version, claims, capacity, quota'
            cand --oc 'The oc binary to use [default: oc from PATH]'
            cand --kubeconfig 'Kubeconfig passed to oc as --kubeconfig'
            cand --context 'Kubeconfig context passed to oc as --context'
            cand --template 'Install profile: a template of the checkout''s amp/ directory by name (amp, amp-s3, amp-postgresql, ...) or a path to a template file [default: amp]'
            cand --project 'Project to install into; created if missing [default: 3scale-apim]'
            cand --display-name 'Display name of a project that is created [default: 3Scale API Management]'
            cand --wildcard-domain 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster''s ingress domain, when readable]'
            cand --rwx-storage-class 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]'
            cand -p 'Template parameter, repeatable (values go to oc on stdin, never on its command line)'
            cand --param 'Template parameter, repeatable (values go to oc on stdin, never on its command line)'
            cand --credentials-file 'Where to write the credentials (mode 0600) [default: a per-project file in the state dir]'
            cand --registry-server 'Registry the 3scale images come from [default: registry.redhat.io]'
            cand --registry-username 'Registry user, e.g. a registry service account ''12345|name'''
            cand --registry-password-file 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)'
            cand --aws-secret-access-key-file 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID'
            cand --templates-repo 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]'
            cand --templates-ref 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]'
            cand --templates-dir 'Use an existing checkout of the templates; no git at all'
            cand -o 'Result format on stdout; progress stays on stderr'
            cand --output 'Result format on stdout; progress stays on stderr'
            cand -y 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
            cand --yes 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
            cand --no-input 'Never prompt, even in a terminal (like --yes, for scripts that run in one)'
            cand -v 'Print each oc command (secrets redacted) as it runs'
            cand --verbose 'Print each oc command (secrets redacted) as it runs'
            cand -q 'Print only errors and the final summary'
            cand --quiet 'Print only errors and the final summary'
            cand --strict 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning'
            cand --dry-run 'With install: print the plan instead of changing the cluster (same as `plan`)'
            cand --registry-password-stdin 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)'
            cand --confirm-password 'When the password is typed at a prompt, ask for it twice'
            cand --aws-secret-access-key-stdin 'Read AWS_SECRET_ACCESS_KEY from standard input'
            cand --show-secrets 'Print passwords and tokens in the summary even when stdout is not a terminal'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'threescale-install;plan'= {
            cand --config 'Answers file (YAML); see templates/answers.example.yaml for every key'
            cand --skip-check 'Turn the named preflight failure into a warning (repeatable): storage, permissions, openshift-version, claims, capacity, quota'
            cand --oc 'The oc binary to use [default: oc from PATH]'
            cand --kubeconfig 'Kubeconfig passed to oc as --kubeconfig'
            cand --context 'Kubeconfig context passed to oc as --context'
            cand --template 'Install profile: a template of the checkout''s amp/ directory by name (amp, amp-s3, amp-postgresql, ...) or a path to a template file [default: amp]'
            cand --project 'Project to install into; created if missing [default: 3scale-apim]'
            cand --display-name 'Display name of a project that is created [default: 3Scale API Management]'
            cand --wildcard-domain 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster''s ingress domain, when readable]'
            cand --rwx-storage-class 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]'
            cand -p 'Template parameter, repeatable (values go to oc on stdin, never on its command line)'
            cand --param 'Template parameter, repeatable (values go to oc on stdin, never on its command line)'
            cand --credentials-file 'Where to write the credentials (mode 0600) [default: a per-project file in the state dir]'
            cand --registry-server 'Registry the 3scale images come from [default: registry.redhat.io]'
            cand --registry-username 'Registry user, e.g. a registry service account ''12345|name'''
            cand --registry-password-file 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)'
            cand --aws-secret-access-key-file 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID'
            cand --templates-repo 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]'
            cand --templates-ref 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]'
            cand --templates-dir 'Use an existing checkout of the templates; no git at all'
            cand -o 'Result format on stdout; progress stays on stderr'
            cand --output 'Result format on stdout; progress stays on stderr'
            cand -y 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
            cand --yes 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
            cand --no-input 'Never prompt, even in a terminal (like --yes, for scripts that run in one)'
            cand -v 'Print each oc command (secrets redacted) as it runs'
            cand --verbose 'Print each oc command (secrets redacted) as it runs'
            cand -q 'Print only errors and the final summary'
            cand --quiet 'Print only errors and the final summary'
            cand --strict 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning'
            cand --dry-run 'With install: print the plan instead of changing the cluster (same as `plan`)'
            cand --registry-password-stdin 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)'
            cand --confirm-password 'When the password is typed at a prompt, ask for it twice'
            cand --aws-secret-access-key-stdin 'Read AWS_SECRET_ACCESS_KEY from standard input'
            cand --show-secrets 'Print passwords and tokens in the summary even when stdout is not a terminal'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'threescale-install;status'= {
            cand --project 'The installed project [default: 3scale-apim]'
            cand --config 'Answers file (YAML): its project, oc, kubeconfig, context and credentials_file are used'
            cand --credentials-file 'Where the credentials file is [default: a per-project file in the state dir]'
            cand --oc 'The oc binary to use [default: oc from PATH]'
            cand --kubeconfig 'Kubeconfig passed to oc as --kubeconfig'
            cand --context 'Kubeconfig context passed to oc as --context'
            cand -o 'Result format on stdout; progress stays on stderr'
            cand --output 'Result format on stdout; progress stays on stderr'
            cand -v 'Print each oc command (secrets redacted) as it runs'
            cand --verbose 'Print each oc command (secrets redacted) as it runs'
            cand -q 'Print only errors and the result'
            cand --quiet 'Print only errors and the result'
            cand --show-secrets 'Print passwords and tokens in the summary even when stdout is not a terminal'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'threescale-install;credentials'= {
            cand --project 'The installed project [default: 3scale-apim]'
            cand --config 'Answers file (YAML): its project, oc, kubeconfig, context and credentials_file are used'
            cand --credentials-file 'Where the credentials file is [default: a per-project file in the state dir]'
            cand --oc 'The oc binary to use [default: oc from PATH]'
            cand --kubeconfig 'Kubeconfig passed to oc as --kubeconfig'
            cand --context 'Kubeconfig context passed to oc as --context'
            cand -o 'Result format on stdout; progress stays on stderr'
            cand --output 'Result format on stdout; progress stays on stderr'
            cand -v 'Print each oc command (secrets redacted) as it runs'
            cand --verbose 'Print each oc command (secrets redacted) as it runs'
            cand -q 'Print only errors and the result'
            cand --quiet 'Print only errors and the result'
            cand --show-secrets 'Print passwords and tokens in the summary even when stdout is not a terminal'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'threescale-install;uninstall'= {
            cand --project 'The installed project [default: 3scale-apim]'
            cand --config 'Answers file (YAML): its project, oc, kubeconfig, context and credentials_file are used'
            cand --credentials-file 'Where the credentials file is [default: a per-project file in the state dir]'
            cand --oc 'The oc binary to use [default: oc from PATH]'
            cand --kubeconfig 'Kubeconfig passed to oc as --kubeconfig'
            cand --context 'Kubeconfig context passed to oc as --context'
            cand -o 'Result format on stdout; progress stays on stderr'
            cand --output 'Result format on stdout; progress stays on stderr'
            cand -v 'Print each oc command (secrets redacted) as it runs'
            cand --verbose 'Print each oc command (secrets redacted) as it runs'
            cand -q 'Print only errors and the result'
            cand --quiet 'Print only errors and the result'
            cand --show-secrets 'Print passwords and tokens in the summary even when stdout is not a terminal'
            cand -y 'Do not ask before deleting'
            cand --yes 'Do not ask before deleting'
            cand --delete-project 'Delete the whole project instead of the objects the install created'
            cand --keep-credentials 'Keep the local credentials file'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'threescale-install;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'threescale-install;man'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'threescale-install;help'= {
            cand install 'Install 3scale (what runs without a subcommand)'
            cand preflight 'Run every read-only check of an install and print them as a table; changes nothing'
            cand plan 'Print what an install would do, as a reviewable shell script; changes nothing'
            cand status 'Show an installed project: profile, templates commit, components, routes, failures'
            cand credentials 'Print the URLs and logins of an installed project, read from secret system-seed'
            cand uninstall 'Delete what the install created (or the whole project with --delete-project)'
            cand completions 'Print the completion script for a shell'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'threescale-install;help;install'= {
        }
        &'threescale-install;help;preflight'= {
        }
        &'threescale-install;help;plan'= {
        }
        &'threescale-install;help;status'= {
        }
        &'threescale-install;help;credentials'= {
        }
        &'threescale-install;help;uninstall'= {
        }
        &'threescale-install;help;completions'= {
        }
        &'threescale-install;help;man'= {
        }
        &'threescale-install;help;help'= {
        }
    ]
    $completions[$command]
}
