# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_threescale_install_global_optspecs
    string join \n y/yes no-input config= v/verbose q/quiet skip-check= strict dry-run oc= kubeconfig= context= oc-timeout= poll-interval= template= project= display-name= wildcard-domain= rwx-storage-class= p/param= credentials-file= registry-server= registry-username= registry-password-stdin confirm-password registry-password-file= aws-secret-access-key-file= aws-secret-access-key-stdin templates-repo= templates-ref= templates-dir= no-wait timeout= log-file= o/output= show-secrets h/help V/version
end

function __fish_threescale_install_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_threescale_install_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_threescale_install_using_subcommand
    set -l cmd (__fish_threescale_install_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c threescale-install -n "__fish_threescale_install_needs_command" -l config -d 'Answers file (YAML); see templates/answers.example.yaml for every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l skip-check -d 'Turn the named preflight failure into a warning (repeatable): storage, permissions, openshift-version, claims, capacity, quota' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l poll-interval -d 'Time between two looks at the cluster while waiting, at most 2s; transient read failures are retried after a quarter of it, doubling' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l template -d 'Install profile: a template of the checkout\'s amp/ directory by name (amp, amp-s3, amp-postgresql, ...) or a path to a template file [default: amp]' -r -f -a "amp\t''
amp-postgresql\t''
amp-s3\t''
amp-ha-tech-preview\t''
amp-eval-tech-preview\t''"
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l project -d 'Project to install into; created if missing [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l display-name -d 'Display name of a project that is created [default: 3Scale API Management]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l wildcard-domain -d 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster\'s ingress domain, when readable]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l rwx-storage-class -d 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -s p -l param -d 'Template parameter, repeatable (values go to oc on stdin, never on its command line)' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l credentials-file -d 'Where to write the credentials (mode 0600) [default: a per-project file in the state dir]' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l registry-server -d 'Registry the 3scale images come from [default: registry.redhat.io]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l registry-username -d 'Registry user, e.g. a registry service account \'12345|name\'' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l registry-password-file -d 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l aws-secret-access-key-file -d 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l templates-dir -d 'Use an existing checkout of the templates; no git at all' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l timeout -d 'How long to wait for every component to be ready (e.g. 45m)' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l log-file -d 'The transcript of the run (appended) [default: a per-project file in the state dir]' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -s o -l output -d 'Result format on stdout; progress stays on stderr' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_needs_command" -s y -l yes -d 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l no-input -d 'Never prompt, even in a terminal (like --yes, for scripts that run in one)'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -s v -l verbose -d 'Print each oc command (secrets redacted) as it runs'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -s q -l quiet -d 'Print only errors and the final summary'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l strict -d 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l dry-run -d 'With install: print the plan instead of changing the cluster (same as `plan`)'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l registry-password-stdin -d 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l confirm-password -d 'When the password is typed at a prompt, ask for it twice'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l aws-secret-access-key-stdin -d 'Read AWS_SECRET_ACCESS_KEY from standard input'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l no-wait -d 'Do not wait for 3scale to work after creating it'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l show-secrets -d 'Print passwords and tokens in the summary even when stdout is not a terminal'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -s V -l version -d 'Print version'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "install" -d 'Install 3scale (what runs without a subcommand)'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "preflight" -d 'Run every read-only check of an install and print them as a table; changes nothing'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "plan" -d 'Print what an install would do, as a reviewable shell script; changes nothing'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "status" -d 'Show an installed project: profile, templates commit, components, routes, failures'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "credentials" -d 'Print the URLs and logins of an installed project, read from secret system-seed'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "uninstall" -d 'Delete what the install created (or the whole project with --delete-project)'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "completions" -d 'Print the completion script for a shell'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l config -d 'Answers file (YAML); see templates/answers.example.yaml for every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l skip-check -d 'Turn the named preflight failure into a warning (repeatable): storage, permissions, openshift-version, claims, capacity, quota' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l poll-interval -d 'Time between two looks at the cluster while waiting, at most 2s; transient read failures are retried after a quarter of it, doubling' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l template -d 'Install profile: a template of the checkout\'s amp/ directory by name (amp, amp-s3, amp-postgresql, ...) or a path to a template file [default: amp]' -r -f -a "amp\t''
amp-postgresql\t''
amp-s3\t''
amp-ha-tech-preview\t''
amp-eval-tech-preview\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l project -d 'Project to install into; created if missing [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l display-name -d 'Display name of a project that is created [default: 3Scale API Management]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l wildcard-domain -d 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster\'s ingress domain, when readable]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l rwx-storage-class -d 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -s p -l param -d 'Template parameter, repeatable (values go to oc on stdin, never on its command line)' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l credentials-file -d 'Where to write the credentials (mode 0600) [default: a per-project file in the state dir]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l registry-server -d 'Registry the 3scale images come from [default: registry.redhat.io]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l registry-username -d 'Registry user, e.g. a registry service account \'12345|name\'' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l registry-password-file -d 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l aws-secret-access-key-file -d 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l templates-dir -d 'Use an existing checkout of the templates; no git at all' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l timeout -d 'How long to wait for every component to be ready (e.g. 45m)' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l log-file -d 'The transcript of the run (appended) [default: a per-project file in the state dir]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -s o -l output -d 'Result format on stdout; progress stays on stderr' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -s y -l yes -d 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l no-input -d 'Never prompt, even in a terminal (like --yes, for scripts that run in one)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -s v -l verbose -d 'Print each oc command (secrets redacted) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -s q -l quiet -d 'Print only errors and the final summary'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l strict -d 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l dry-run -d 'With install: print the plan instead of changing the cluster (same as `plan`)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l registry-password-stdin -d 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l confirm-password -d 'When the password is typed at a prompt, ask for it twice'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l aws-secret-access-key-stdin -d 'Read AWS_SECRET_ACCESS_KEY from standard input'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l no-wait -d 'Do not wait for 3scale to work after creating it'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l show-secrets -d 'Print passwords and tokens in the summary even when stdout is not a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l config -d 'Answers file (YAML); see templates/answers.example.yaml for every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l skip-check -d 'Turn the named preflight failure into a warning (repeatable): storage, permissions, openshift-version, claims, capacity, quota' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l poll-interval -d 'Time between two looks at the cluster while waiting, at most 2s; transient read failures are retried after a quarter of it, doubling' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l template -d 'Install profile: a template of the checkout\'s amp/ directory by name (amp, amp-s3, amp-postgresql, ...) or a path to a template file [default: amp]' -r -f -a "amp\t''
amp-postgresql\t''
amp-s3\t''
amp-ha-tech-preview\t''
amp-eval-tech-preview\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l project -d 'Project to install into; created if missing [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l display-name -d 'Display name of a project that is created [default: 3Scale API Management]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l wildcard-domain -d 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster\'s ingress domain, when readable]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l rwx-storage-class -d 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -s p -l param -d 'Template parameter, repeatable (values go to oc on stdin, never on its command line)' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l credentials-file -d 'Where to write the credentials (mode 0600) [default: a per-project file in the state dir]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l registry-server -d 'Registry the 3scale images come from [default: registry.redhat.io]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l registry-username -d 'Registry user, e.g. a registry service account \'12345|name\'' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l registry-password-file -d 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l aws-secret-access-key-file -d 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l templates-dir -d 'Use an existing checkout of the templates; no git at all' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l timeout -d 'How long to wait for every component to be ready (e.g. 45m)' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l log-file -d 'The transcript of the run (appended) [default: a per-project file in the state dir]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -s o -l output -d 'Result format on stdout; progress stays on stderr' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -s y -l yes -d 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l no-input -d 'Never prompt, even in a terminal (like --yes, for scripts that run in one)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -s v -l verbose -d 'Print each oc command (secrets redacted) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -s q -l quiet -d 'Print only errors and the final summary'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l strict -d 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l dry-run -d 'With install: print the plan instead of changing the cluster (same as `plan`)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l registry-password-stdin -d 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l confirm-password -d 'When the password is typed at a prompt, ask for it twice'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l aws-secret-access-key-stdin -d 'Read AWS_SECRET_ACCESS_KEY from standard input'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l no-wait -d 'Do not wait for 3scale to work after creating it'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l show-secrets -d 'Print passwords and tokens in the summary even when stdout is not a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l config -d 'Answers file (YAML); see templates/answers.example.yaml for every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l skip-check -d 'Turn the named preflight failure into a warning (repeatable): storage, permissions, openshift-version, claims, capacity, quota' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l poll-interval -d 'Time between two looks at the cluster while waiting, at most 2s; transient read failures are retried after a quarter of it, doubling' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l template -d 'Install profile: a template of the checkout\'s amp/ directory by name (amp, amp-s3, amp-postgresql, ...) or a path to a template file [default: amp]' -r -f -a "amp\t''
amp-postgresql\t''
amp-s3\t''
amp-ha-tech-preview\t''
amp-eval-tech-preview\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l project -d 'Project to install into; created if missing [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l display-name -d 'Display name of a project that is created [default: 3Scale API Management]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l wildcard-domain -d 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster\'s ingress domain, when readable]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l rwx-storage-class -d 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -s p -l param -d 'Template parameter, repeatable (values go to oc on stdin, never on its command line)' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l credentials-file -d 'Where to write the credentials (mode 0600) [default: a per-project file in the state dir]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l registry-server -d 'Registry the 3scale images come from [default: registry.redhat.io]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l registry-username -d 'Registry user, e.g. a registry service account \'12345|name\'' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l registry-password-file -d 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l aws-secret-access-key-file -d 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l templates-dir -d 'Use an existing checkout of the templates; no git at all' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l timeout -d 'How long to wait for every component to be ready (e.g. 45m)' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l log-file -d 'The transcript of the run (appended) [default: a per-project file in the state dir]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -s o -l output -d 'Result format on stdout; progress stays on stderr' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -s y -l yes -d 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l no-input -d 'Never prompt, even in a terminal (like --yes, for scripts that run in one)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -s v -l verbose -d 'Print each oc command (secrets redacted) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -s q -l quiet -d 'Print only errors and the final summary'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l strict -d 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l dry-run -d 'With install: print the plan instead of changing the cluster (same as `plan`)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l registry-password-stdin -d 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l confirm-password -d 'When the password is typed at a prompt, ask for it twice'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l aws-secret-access-key-stdin -d 'Read AWS_SECRET_ACCESS_KEY from standard input'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l no-wait -d 'Do not wait for 3scale to work after creating it'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l show-secrets -d 'Print passwords and tokens in the summary even when stdout is not a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l project -d 'The installed project [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l config -d 'Answers file (YAML): its project, oc, kubeconfig, context and credentials_file are used' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l credentials-file -d 'Where the credentials file is [default: a per-project file in the state dir]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l poll-interval -d 'Time between two looks at the cluster while waiting, at most 2s; transient read failures are retried after a quarter of it, doubling' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -s o -l output -d 'Result format on stdout; progress stays on stderr' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -s v -l verbose -d 'Print each oc command (secrets redacted) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l show-secrets -d 'Print passwords and tokens in the summary even when stdout is not a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l project -d 'The installed project [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l config -d 'Answers file (YAML): its project, oc, kubeconfig, context and credentials_file are used' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l credentials-file -d 'Where the credentials file is [default: a per-project file in the state dir]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l poll-interval -d 'Time between two looks at the cluster while waiting, at most 2s; transient read failures are retried after a quarter of it, doubling' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -s o -l output -d 'Result format on stdout; progress stays on stderr' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -s v -l verbose -d 'Print each oc command (secrets redacted) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l show-secrets -d 'Print passwords and tokens in the summary even when stdout is not a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l project -d 'The installed project [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l config -d 'Answers file (YAML): its project, oc, kubeconfig, context and credentials_file are used' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l credentials-file -d 'Where the credentials file is [default: a per-project file in the state dir]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m)' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l poll-interval -d 'Time between two looks at the cluster while waiting, at most 2s; transient read failures are retried after a quarter of it, doubling' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -s o -l output -d 'Result format on stdout; progress stays on stderr' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -s v -l verbose -d 'Print each oc command (secrets redacted) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l show-secrets -d 'Print passwords and tokens in the summary even when stdout is not a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -s y -l yes -d 'Do not ask before deleting'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l delete-project -d 'Delete the whole project instead of the objects the install created'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l keep-credentials -d 'Keep the local credentials file'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand completions" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand man" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status credentials uninstall completions man help" -f -a "install" -d 'Install 3scale (what runs without a subcommand)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status credentials uninstall completions man help" -f -a "preflight" -d 'Run every read-only check of an install and print them as a table; changes nothing'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status credentials uninstall completions man help" -f -a "plan" -d 'Print what an install would do, as a reviewable shell script; changes nothing'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status credentials uninstall completions man help" -f -a "status" -d 'Show an installed project: profile, templates commit, components, routes, failures'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status credentials uninstall completions man help" -f -a "credentials" -d 'Print the URLs and logins of an installed project, read from secret system-seed'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status credentials uninstall completions man help" -f -a "uninstall" -d 'Delete what the install created (or the whole project with --delete-project)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status credentials uninstall completions man help" -f -a "completions" -d 'Print the completion script for a shell'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status credentials uninstall completions man help" -f -a "man" -d 'Print the man page (roff)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status credentials uninstall completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
