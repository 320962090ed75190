# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_threescale_install_global_optspecs
    string join \n project= config= oc= kubeconfig= context= oc-timeout= v/verbose q/quiet o/output= no-input log-file= y/yes dry-run confirm-password credentials-file= show-secrets strict template= display-name= wildcard-domain= rwx-storage-class= p/param= param-from-file= registry-server= registry-username= registry-password-stdin registry-password-file= aws-secret-access-key-file= aws-secret-access-key-stdin templates-repo= templates-ref= templates-dir= refresh-templates no-wait timeout= poll-interval= no-verify ca-file= insecure-skip-tls-verify resolve= skip-check= h/help V/version
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

complete -c threescale-install -n "__fish_threescale_install_needs_command" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l credentials-file -d 'Where to write the credentials (mode 0600) [default: credentials.yaml in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l template -d 'Install profile: a template of the checkout\'s amp/ directory by name (amp, amp-s3, amp-postgresql, amp-ha-tech-preview, amp-eval-tech-preview) or a path to a template file [default: amp]' -r -f -a "amp\t''
amp-postgresql\t''
amp-s3\t''
amp-ha-tech-preview\t''
amp-eval-tech-preview\t''"
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l display-name -d 'Display name of a project that is created [default: 3Scale API Management]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l wildcard-domain -d 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster\'s apps domain, when it can be told]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l rwx-storage-class -d 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -s p -l param -d 'Template parameter, repeatable; not for secrets (see --param-from-file): values on the command line are visible to every user of the machine' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l param-from-file -d 'A template parameter read from a file (secrets such as ADMIN_PASSWORD), repeatable; or set THREESCALE_PARAM_<KEY>' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l registry-server -d 'Registry the 3scale images come from [default: registry.redhat.io]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l registry-username -d 'Registry user, e.g. a registry service account \'12345|name\'' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l registry-password-file -d 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l aws-secret-access-key-file -d 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l templates-dir -d 'Use an existing checkout of the templates; no git at all (a flag beats the environment\'s repository)' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l timeout -d 'How long to wait for every component to be ready (e.g. 45m) [default: 30m]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l poll-interval -d 'Time between two looks at the cluster while waiting, at most 2s [default: 1s]' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l ca-file -d 'A CA certificate (PEM) to trust besides the system\'s: a router\'s private CA' -r -F
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l resolve -d 'Reach HOST at ADDRESS (port 443), as curl\'s --resolve, before the DNS record exists; repeatable or comma-separated' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l skip-check -d 'Turn the named check\'s failure into a warning (repeatable, or comma-separated): storage, permissions, openshift-version, claims, capacity, quota, registry-login' -r
complete -c threescale-install -n "__fish_threescale_install_needs_command" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -s y -l yes -d 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l dry-run -d 'Print the plan instead of changing the cluster (same as `plan`)'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l confirm-password -d 'When the registry password is typed at a prompt, ask for it twice'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l show-secrets -d 'Print passwords and tokens in the summary (hidden otherwise, at a terminal too: they are in the credentials file)'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l strict -d 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l registry-password-stdin -d 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l aws-secret-access-key-stdin -d 'Read AWS_SECRET_ACCESS_KEY from standard input'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l refresh-templates -d 'Fetch a branch again even when it is cached (tags and commits never change)'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l no-wait -d 'Do not wait for 3scale to work (nor check that it answers)'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l no-verify -d 'Do not check at the end that 3scale answers through its routes (see `verify`)'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -l insecure-skip-tls-verify -d 'Do not verify the portals\' certificates (oc\'s flag of the same name); a warning says so'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -s V -l version -d 'Print version'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "install" -d 'Install 3scale (what runs without a subcommand)'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "preflight" -d 'Run every read-only check of an install and print them as a table; changes nothing'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "plan" -d 'Print what an install would do, as a reviewable shell script; changes nothing'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "status" -d 'Show an installed project: profile, templates commit, components, routes, root cause'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "verify" -d 'Check that 3scale answers through its routes: DNS, TLS, the portals, the APIs with the install\'s tokens, the gateways'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "credentials" -d 'Print the URLs and logins of an installed project, read from secret system-seed'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "uninstall" -d 'Delete what the install created (or the whole project with --delete-project)'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "gateway" -d 'Self-managed APIcast gateways of an install: add one in a project of this or another cluster, list them, show their state, remove one'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "tenant" -d 'Create, list, show and remove tenants: more admin portals of the same 3scale'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "render" -d 'Render what `plan`\'s scripts pipe to oc, secrets read from the environment'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "completions" -d 'Print the completion script for a shell'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "man" -d 'Print the man page (roff), or write every page to a directory'
complete -c threescale-install -n "__fish_threescale_install_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l credentials-file -d 'Where to write the credentials (mode 0600) [default: credentials.yaml in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l template -d 'Install profile: a template of the checkout\'s amp/ directory by name (amp, amp-s3, amp-postgresql, amp-ha-tech-preview, amp-eval-tech-preview) or a path to a template file [default: amp]' -r -f -a "amp\t''
amp-postgresql\t''
amp-s3\t''
amp-ha-tech-preview\t''
amp-eval-tech-preview\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l display-name -d 'Display name of a project that is created [default: 3Scale API Management]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l wildcard-domain -d 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster\'s apps domain, when it can be told]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l rwx-storage-class -d 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -s p -l param -d 'Template parameter, repeatable; not for secrets (see --param-from-file): values on the command line are visible to every user of the machine' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l param-from-file -d 'A template parameter read from a file (secrets such as ADMIN_PASSWORD), repeatable; or set THREESCALE_PARAM_<KEY>' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l registry-server -d 'Registry the 3scale images come from [default: registry.redhat.io]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l registry-username -d 'Registry user, e.g. a registry service account \'12345|name\'' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l registry-password-file -d 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l aws-secret-access-key-file -d 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l templates-dir -d 'Use an existing checkout of the templates; no git at all (a flag beats the environment\'s repository)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l timeout -d 'How long to wait for every component to be ready (e.g. 45m) [default: 30m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l poll-interval -d 'Time between two looks at the cluster while waiting, at most 2s [default: 1s]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l ca-file -d 'A CA certificate (PEM) to trust besides the system\'s: a router\'s private CA' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l resolve -d 'Reach HOST at ADDRESS (port 443), as curl\'s --resolve, before the DNS record exists; repeatable or comma-separated' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l skip-check -d 'Turn the named check\'s failure into a warning (repeatable, or comma-separated): storage, permissions, openshift-version, claims, capacity, quota, registry-login' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -s y -l yes -d 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l dry-run -d 'Print the plan instead of changing the cluster (same as `plan`)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l confirm-password -d 'When the registry password is typed at a prompt, ask for it twice'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l show-secrets -d 'Print passwords and tokens in the summary (hidden otherwise, at a terminal too: they are in the credentials file)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l strict -d 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l registry-password-stdin -d 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l aws-secret-access-key-stdin -d 'Read AWS_SECRET_ACCESS_KEY from standard input'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l refresh-templates -d 'Fetch a branch again even when it is cached (tags and commits never change)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l no-wait -d 'Do not wait for 3scale to work (nor check that it answers)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l no-verify -d 'Do not check at the end that 3scale answers through its routes (see `verify`)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l insecure-skip-tls-verify -d 'Do not verify the portals\' certificates (oc\'s flag of the same name); a warning says so'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand install" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l template -d 'Install profile: a template of the checkout\'s amp/ directory by name (amp, amp-s3, amp-postgresql, amp-ha-tech-preview, amp-eval-tech-preview) or a path to a template file [default: amp]' -r -f -a "amp\t''
amp-postgresql\t''
amp-s3\t''
amp-ha-tech-preview\t''
amp-eval-tech-preview\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l display-name -d 'Display name of a project that is created [default: 3Scale API Management]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l wildcard-domain -d 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster\'s apps domain, when it can be told]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l rwx-storage-class -d 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -s p -l param -d 'Template parameter, repeatable; not for secrets (see --param-from-file): values on the command line are visible to every user of the machine' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l param-from-file -d 'A template parameter read from a file (secrets such as ADMIN_PASSWORD), repeatable; or set THREESCALE_PARAM_<KEY>' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l registry-server -d 'Registry the 3scale images come from [default: registry.redhat.io]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l registry-username -d 'Registry user, e.g. a registry service account \'12345|name\'' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l registry-password-file -d 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l aws-secret-access-key-file -d 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l templates-dir -d 'Use an existing checkout of the templates; no git at all (a flag beats the environment\'s repository)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l skip-check -d 'Turn the named check\'s failure into a warning (repeatable, or comma-separated): storage, permissions, openshift-version, claims, capacity, quota, registry-login' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l strict -d 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l registry-password-stdin -d 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l aws-secret-access-key-stdin -d 'Read AWS_SECRET_ACCESS_KEY from standard input'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l refresh-templates -d 'Fetch a branch again even when it is cached (tags and commits never change)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand preflight" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l template -d 'Install profile: a template of the checkout\'s amp/ directory by name (amp, amp-s3, amp-postgresql, amp-ha-tech-preview, amp-eval-tech-preview) or a path to a template file [default: amp]' -r -f -a "amp\t''
amp-postgresql\t''
amp-s3\t''
amp-ha-tech-preview\t''
amp-eval-tech-preview\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l display-name -d 'Display name of a project that is created [default: 3Scale API Management]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l wildcard-domain -d 'Root domain of the routes, e.g. apps.cluster.example.com [default: the cluster\'s apps domain, when it can be told]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l rwx-storage-class -d 'ReadWriteMany storage class for system-storage [default: the one RWX-capable class]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -s p -l param -d 'Template parameter, repeatable; not for secrets (see --param-from-file): values on the command line are visible to every user of the machine' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l param-from-file -d 'A template parameter read from a file (secrets such as ADMIN_PASSWORD), repeatable; or set THREESCALE_PARAM_<KEY>' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l registry-server -d 'Registry the 3scale images come from [default: registry.redhat.io]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l registry-username -d 'Registry user, e.g. a registry service account \'12345|name\'' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l registry-password-file -d 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l aws-secret-access-key-file -d 'Read AWS_SECRET_ACCESS_KEY from a file (or set the AWS_SECRET_ACCESS_KEY environment variable); the key id comes from --param AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l templates-dir -d 'Use an existing checkout of the templates; no git at all (a flag beats the environment\'s repository)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l skip-check -d 'Turn the named check\'s failure into a warning (repeatable, or comma-separated): storage, permissions, openshift-version, claims, capacity, quota, registry-login' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l strict -d 'Treat a sizing shortfall (claims without a class, capacity, quota) as a failure, not a warning'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l registry-password-stdin -d 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l aws-secret-access-key-stdin -d 'Read AWS_SECRET_ACCESS_KEY from standard input'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l refresh-templates -d 'Fetch a branch again even when it is cached (tags and commits never change)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand plan" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l templates-dir -d 'Use an existing checkout of the templates; no git at all (a flag beats the environment\'s repository)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l refresh-templates -d 'Fetch a branch again even when it is cached (tags and commits never change)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand status" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l templates-dir -d 'Use an existing checkout of the templates; no git at all (a flag beats the environment\'s repository)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l ca-file -d 'A CA certificate (PEM) to trust besides the system\'s: a router\'s private CA' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l resolve -d 'Reach HOST at ADDRESS (port 443), as curl\'s --resolve, before the DNS record exists; repeatable or comma-separated' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l refresh-templates -d 'Fetch a branch again even when it is cached (tags and commits never change)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l insecure-skip-tls-verify -d 'Do not verify the portals\' certificates (oc\'s flag of the same name); a warning says so'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand verify" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l templates-dir -d 'Use an existing checkout of the templates; no git at all (a flag beats the environment\'s repository)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l credentials-file -d 'Where the credentials file is [default: credentials.yaml in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l refresh-templates -d 'Fetch a branch again even when it is cached (tags and commits never change)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l show-secrets -d 'Print passwords and tokens (hidden otherwise, at a terminal too)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand credentials" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l templates-dir -d 'Use an existing checkout of the templates; no git at all (a flag beats the environment\'s repository)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l credentials-file -d 'Where the credentials file is [default: credentials.yaml in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l refresh-templates -d 'Fetch a branch again even when it is cached (tags and commits never change)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -s y -l yes -d 'Do not ask before deleting'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l delete-project -d 'Delete the whole project instead of the objects the install created'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l keep-credentials -d 'Keep the local credentials file (and the logins of the install\'s tenants beside it)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l dry-run -d 'Print what would be deleted (on the cluster and on this machine), and delete nothing'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand uninstall" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -f -a "add" -d 'Add a gateway: mint its access token, create its portal-endpoint and pull secrets, the template\'s objects and an edge route per host, and wait until it is ready'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -f -a "list" -d 'List the gateways this tool made: environment, hosts, readiness, whether their token works'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -f -a "status" -d 'Show one gateway (or all): its routes, readiness with the root cause, its token'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -f -a "remove" -d 'Remove a gateway: exactly what `gateway add` made, and revoke the token it minted'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and not __fish_seen_subcommand_from add list status remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l name -d 'The gateway\'s name: of its deployment config, service, secret and routes, and of its access token; a DNS label starting with a letter (e.g. apicast-eu)' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l environment -d 'The configuration the gateway serves: staging or production [default: production]' -r -f -a "staging\t''
production\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l host -d 'A public host of the gateway, served by an edge route (the product\'s public base URL); repeatable or comma-separated' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l configuration-loader -d 'When the gateway loads its configuration: boot (at start) or lazy (on each request) [default: lazy for staging, boot for production]' -r -f -a "boot\t''
lazy\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l configuration-cache -d 'Seconds the gateway keeps its configuration: 0 (none, lazy only) or more than 60 [default: 0 for staging, 300 for production]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l access-token-file -d 'Read the gateway\'s access token from a file instead of minting one (or set THREESCALE_ACCESS_TOKEN); it needs the account_management scope' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l tenant-project -d 'The project of the 3scale install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l portal-context -d 'Kubeconfig context of the install\'s cluster, when the gateway goes to another cluster [default: the gateway\'s context]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l portal-kubeconfig -d 'Kubeconfig of the install\'s cluster [default: the gateway\'s kubeconfig]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l registry-server -d 'Registry the 3scale images come from [default: registry.redhat.io]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l registry-username -d 'Registry user, e.g. a registry service account \'12345|name\'' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l registry-password-file -d 'Read the registry password from a file (or set THREESCALE_REGISTRY_PASSWORD)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l templates-dir -d 'Use an existing checkout of the templates; no git at all (a flag beats the environment\'s repository)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l ca-file -d 'A CA certificate (PEM) to trust besides the system\'s: a router\'s private CA' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l resolve -d 'Reach HOST at ADDRESS (port 443), as curl\'s --resolve, before the DNS record exists; repeatable or comma-separated' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l poll-interval -d 'Time between two looks at the cluster while waiting, at most 2s [default: 1s]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l project -d 'The gateway\'s project, created when missing [default: the gateway\'s name]; the install\'s is --tenant-project' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l timeout -d 'How long to wait for the gateway to be ready (e.g. 15m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l access-token-stdin -d 'Read the gateway\'s access token from standard input instead of minting one'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -s y -l yes -d 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l dry-run -d 'Print the plan instead of changing anything'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l registry-password-stdin -d 'Read the registry password from standard input (or set THREESCALE_REGISTRY_PASSWORD)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l refresh-templates -d 'Fetch a branch again even when it is cached (tags and commits never change)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l insecure-skip-tls-verify -d 'Do not verify the portals\' certificates (oc\'s flag of the same name); a warning says so'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l no-wait -d 'Do not wait for the gateway to be ready after creating it'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l no-verify -d 'Do not list at the end the products whose public base URL matches none of the gateway\'s hosts'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -l ca-file -d 'A CA certificate (PEM) to trust besides the system\'s: a router\'s private CA' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -l resolve -d 'Reach HOST at ADDRESS (port 443), as curl\'s --resolve, before the DNS record exists; repeatable or comma-separated' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -l project -d 'The project to look for gateways in [default: every project you can see]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -l insecure-skip-tls-verify -d 'Do not verify the portals\' certificates (oc\'s flag of the same name); a warning says so'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -l ca-file -d 'A CA certificate (PEM) to trust besides the system\'s: a router\'s private CA' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -l resolve -d 'Reach HOST at ADDRESS (port 443), as curl\'s --resolve, before the DNS record exists; repeatable or comma-separated' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -l project -d 'The project to look for the gateway in [default: every project you can see]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -l insecure-skip-tls-verify -d 'Do not verify the portals\' certificates (oc\'s flag of the same name); a warning says so'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l tenant-project -d 'The project of the 3scale install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l portal-context -d 'Kubeconfig context of the install\'s cluster, when the gateway goes to another cluster [default: the gateway\'s context]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l portal-kubeconfig -d 'Kubeconfig of the install\'s cluster [default: the gateway\'s kubeconfig]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l ca-file -d 'A CA certificate (PEM) to trust besides the system\'s: a router\'s private CA' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l resolve -d 'Reach HOST at ADDRESS (port 443), as curl\'s --resolve, before the DNS record exists; repeatable or comma-separated' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l project -d 'The gateway\'s project [default: the one that holds it, of every project you can see]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Do not ask before removing'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l keep-token -d 'Leave the access token the gateway was given in 3scale (by default the token `gateway add` minted is revoked)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l dry-run -d 'Print what would change, and change nothing (on the cluster, in 3scale, on this machine)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l insecure-skip-tls-verify -d 'Do not verify the portals\' certificates (oc\'s flag of the same name); a warning says so'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a gateway: mint its access token, create its portal-endpoint and pull secrets, the template\'s objects and an edge route per host, and wait until it is ready'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the gateways this tool made: environment, hosts, readiness, whether their token works'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show one gateway (or all): its routes, readiness with the root cause, its token'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a gateway: exactly what `gateway add` made, and revoke the token it minted'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand gateway; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -f -a "create" -d 'Sign a tenant up through the Master API, activate its admin user, wait for its routes and store its login; a tenant of the same organization name is not created again'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -f -a "list" -d 'List the tenants of the install (the master\'s accounts)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -f -a "show" -d 'Show a tenant: its state, portals, routes, and whether the stored token still works'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -f -a "remove" -d 'Schedule a tenant\'s deletion (3scale keeps it 15 days, when it can be resumed) and remove its stored login'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and not __fish_seen_subcommand_from create list show remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l org-name -d 'The tenant\'s organization name; 3scale makes its portals\' names from it ("ACME Corp": acme-corp-admin.DOMAIN)' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l admin-username -d 'Username of the tenant\'s admin user: 3 to 40 letters, digits and .-_@+' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l admin-email -d 'E-mail address of the tenant\'s admin user' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l admin-password-file -d 'Read the admin password from a file (or set THREESCALE_TENANT_ADMIN_PASSWORD); without one, a strong password is generated' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l secret-name -d 'The name of that Secret [default: tenant-SUBDOMAIN, e.g. tenant-acme-corp]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l poll-interval -d 'Time between two looks at the cluster while waiting, at most 2s [default: 1s]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l templates-dir -d 'Use an existing checkout of the templates; no git at all (a flag beats the environment\'s repository)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l ca-file -d 'A CA certificate (PEM) to trust besides the system\'s: a router\'s private CA' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l resolve -d 'Reach HOST at ADDRESS (port 443), as curl\'s --resolve, before the DNS record exists; repeatable or comma-separated' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l credentials-file -d 'The install\'s credentials file; tenants\' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l timeout -d 'How long to wait for zync\'s routes of the tenant\'s portals to be admitted (e.g. 10m) [default: 5m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -s y -l yes -d 'Never prompt: take every value from flags, environment or the answers file, and fail listing everything missing'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l dry-run -d 'Print what would change, and change nothing (on the cluster, in 3scale, on this machine)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l admin-password-stdin -d 'Read the admin password from standard input'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l store-secret -d 'Also keep the tenant\'s adminURL and token in a Secret of the install\'s project, with the keys of the 3scale operator\'s tenant Secret'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l show-secrets -d 'Print the password and token (hidden otherwise, at a terminal too)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l refresh-templates -d 'Fetch a branch again even when it is cached (tags and commits never change)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l insecure-skip-tls-verify -d 'Do not verify the portals\' certificates (oc\'s flag of the same name); a warning says so'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l no-wait -d 'Do not wait for the tenant\'s routes (nor check its admin portal)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l no-verify -d 'Do not check at the end that the tenant\'s admin portal answers with its token'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l templates-dir -d 'Use an existing checkout of the templates; no git at all (a flag beats the environment\'s repository)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l ca-file -d 'A CA certificate (PEM) to trust besides the system\'s: a router\'s private CA' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l resolve -d 'Reach HOST at ADDRESS (port 443), as curl\'s --resolve, before the DNS record exists; repeatable or comma-separated' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l credentials-file -d 'The install\'s credentials file; tenants\' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l refresh-templates -d 'Fetch a branch again even when it is cached (tags and commits never change)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l insecure-skip-tls-verify -d 'Do not verify the portals\' certificates (oc\'s flag of the same name); a warning says so'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l templates-dir -d 'Use an existing checkout of the templates; no git at all (a flag beats the environment\'s repository)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l ca-file -d 'A CA certificate (PEM) to trust besides the system\'s: a router\'s private CA' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l resolve -d 'Reach HOST at ADDRESS (port 443), as curl\'s --resolve, before the DNS record exists; repeatable or comma-separated' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l credentials-file -d 'The install\'s credentials file; tenants\' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l show-secrets -d 'Print the stored password and token (hidden otherwise, at a terminal too)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l refresh-templates -d 'Fetch a branch again even when it is cached (tags and commits never change)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l insecure-skip-tls-verify -d 'Do not verify the portals\' certificates (oc\'s flag of the same name); a warning says so'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l templates-repo -d 'Git repository of the templates: URL or local path (mirrors, disconnected sites) [default: https://github.com/3scale/3scale-amp-openshift-templates.git]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l templates-ref -d 'Tag, branch or commit of the templates repository [default: 2.8.0.GA]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l templates-dir -d 'Use an existing checkout of the templates; no git at all (a flag beats the environment\'s repository)' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l ca-file -d 'A CA certificate (PEM) to trust besides the system\'s: a router\'s private CA' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l resolve -d 'Reach HOST at ADDRESS (port 443), as curl\'s --resolve, before the DNS record exists; repeatable or comma-separated' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l credentials-file -d 'The install\'s credentials file; tenants\' logins are kept in tenants/ beside it (mode 0600) [default: credentials.yaml in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Do not ask before scheduling the deletion'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l dry-run -d 'Print what would change, and change nothing (on the cluster, in 3scale, on this machine)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l refresh-templates -d 'Fetch a branch again even when it is cached (tags and commits never change)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l insecure-skip-tls-verify -d 'Do not verify the portals\' certificates (oc\'s flag of the same name); a warning says so'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "create" -d 'Sign a tenant up through the Master API, activate its admin user, wait for its routes and store its login; a tenant of the same organization name is not created again'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the tenants of the install (the master\'s accounts)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a tenant: its state, portals, routes, and whether the stored token still works'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Schedule a tenant\'s deletion (3scale keeps it 15 days, when it can be resumed) and remove its stored login'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -f -a "pull-secret" -d 'The pull secret manifest, the password read from THREESCALE_REGISTRY_PASSWORD'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -f -a "param-file" -d 'oc param-file lines for the named parameters, each read from THREESCALE_PARAM_<NAME>'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -f -a "objects" -d 'A processed template\'s List (stdin) with the API versions a cluster of Kubernetes 1.<MINOR> serves, and only the named objects'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and not __fish_seen_subcommand_from pull-secret param-file objects help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from pull-secret" -l registry-server -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from pull-secret" -l registry-username -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from pull-secret" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from pull-secret" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from pull-secret" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from pull-secret" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from pull-secret" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from pull-secret" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from pull-secret" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from pull-secret" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from pull-secret" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from pull-secret" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from pull-secret" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from pull-secret" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from param-file" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from param-file" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from param-file" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from param-file" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from param-file" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from param-file" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from param-file" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from param-file" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from param-file" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from param-file" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from param-file" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from param-file" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from objects" -l kube-minor -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from objects" -l only -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from objects" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from objects" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from objects" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from objects" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from objects" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from objects" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from objects" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from objects" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from objects" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from objects" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from objects" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from objects" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from help" -f -a "pull-secret" -d 'The pull secret manifest, the password read from THREESCALE_REGISTRY_PASSWORD'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from help" -f -a "param-file" -d 'oc param-file lines for the named parameters, each read from THREESCALE_PARAM_<NAME>'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from help" -f -a "objects" -d 'A processed template\'s List (stdin) with the API versions a cluster of Kubernetes 1.<MINOR> serves, and only the named objects'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand render; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand completions" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand completions" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand completions" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand completions" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand completions" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand completions" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand completions" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand completions" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand completions" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand completions" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand completions" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand completions" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand man" -l dir -d 'Write the page of the program and of every command (threescale-install-gateway-add.1, ...) to DIR, created when missing, e.g. ~/.cargo/share/man/man1 beside a `cargo install`' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand man" -l project -d 'The project of the install [default: 3scale-apim]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand man" -l config -d 'Answers file (YAML); templates/answers.example.yaml documents every key' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand man" -l oc -d 'The oc binary to use [default: oc from PATH]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand man" -l kubeconfig -d 'Kubeconfig passed to oc as --kubeconfig' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand man" -l context -d 'Kubeconfig context passed to oc as --context' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand man" -l oc-timeout -d 'Deadline of one oc call; a hung oc is stopped and reported (e.g. 90s, 10m) [default: 10m]' -r
complete -c threescale-install -n "__fish_threescale_install_using_subcommand man" -s o -l output -d 'Result format on stdout; progress and prompts stay on stderr [default: text]' -r -f -a "text\t''
json\t''"
complete -c threescale-install -n "__fish_threescale_install_using_subcommand man" -l log-file -d 'The transcript of the run (appended, mode 0600) [default: transcript.log in the project\'s state directory]' -r -F
complete -c threescale-install -n "__fish_threescale_install_using_subcommand man" -s v -l verbose -d 'Print each oc command (secrets masked) as it runs'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand man" -s q -l quiet -d 'Print only errors and the result'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand man" -l no-input -d 'Never prompt, even in a terminal'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand man" -s h -l help -d 'Print help'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status verify credentials uninstall gateway tenant render completions man help" -f -a "install" -d 'Install 3scale (what runs without a subcommand)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status verify credentials uninstall gateway tenant render completions man help" -f -a "preflight" -d 'Run every read-only check of an install and print them as a table; changes nothing'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status verify credentials uninstall gateway tenant render completions man help" -f -a "plan" -d 'Print what an install would do, as a reviewable shell script; changes nothing'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status verify credentials uninstall gateway tenant render completions man help" -f -a "status" -d 'Show an installed project: profile, templates commit, components, routes, root cause'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status verify credentials uninstall gateway tenant render completions man help" -f -a "verify" -d 'Check that 3scale answers through its routes: DNS, TLS, the portals, the APIs with the install\'s tokens, the gateways'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status verify credentials uninstall gateway tenant render completions man help" -f -a "credentials" -d 'Print the URLs and logins of an installed project, read from secret system-seed'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status verify credentials uninstall gateway tenant render completions man help" -f -a "uninstall" -d 'Delete what the install created (or the whole project with --delete-project)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status verify credentials uninstall gateway tenant render completions man help" -f -a "gateway" -d 'Self-managed APIcast gateways of an install: add one in a project of this or another cluster, list them, show their state, remove one'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status verify credentials uninstall gateway tenant render completions man help" -f -a "tenant" -d 'Create, list, show and remove tenants: more admin portals of the same 3scale'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status verify credentials uninstall gateway tenant render completions man help" -f -a "render" -d 'Render what `plan`\'s scripts pipe to oc, secrets read from the environment'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status verify credentials uninstall gateway tenant render completions man help" -f -a "completions" -d 'Print the completion script for a shell'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status verify credentials uninstall gateway tenant render completions man help" -f -a "man" -d 'Print the man page (roff), or write every page to a directory'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and not __fish_seen_subcommand_from install preflight plan status verify credentials uninstall gateway tenant render completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and __fish_seen_subcommand_from gateway" -f -a "add" -d 'Add a gateway: mint its access token, create its portal-endpoint and pull secrets, the template\'s objects and an edge route per host, and wait until it is ready'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and __fish_seen_subcommand_from gateway" -f -a "list" -d 'List the gateways this tool made: environment, hosts, readiness, whether their token works'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and __fish_seen_subcommand_from gateway" -f -a "status" -d 'Show one gateway (or all): its routes, readiness with the root cause, its token'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and __fish_seen_subcommand_from gateway" -f -a "remove" -d 'Remove a gateway: exactly what `gateway add` made, and revoke the token it minted'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "create" -d 'Sign a tenant up through the Master API, activate its admin user, wait for its routes and store its login; a tenant of the same organization name is not created again'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "list" -d 'List the tenants of the install (the master\'s accounts)'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "show" -d 'Show a tenant: its state, portals, routes, and whether the stored token still works'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "remove" -d 'Schedule a tenant\'s deletion (3scale keeps it 15 days, when it can be resumed) and remove its stored login'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and __fish_seen_subcommand_from render" -f -a "pull-secret" -d 'The pull secret manifest, the password read from THREESCALE_REGISTRY_PASSWORD'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and __fish_seen_subcommand_from render" -f -a "param-file" -d 'oc param-file lines for the named parameters, each read from THREESCALE_PARAM_<NAME>'
complete -c threescale-install -n "__fish_threescale_install_using_subcommand help; and __fish_seen_subcommand_from render" -f -a "objects" -d 'A processed template\'s List (stdin) with the API versions a cluster of Kubernetes 1.<MINOR> serves, and only the named objects'
