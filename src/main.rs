fn main() -> std::process::ExitCode {
    threescale_install::main()
}
