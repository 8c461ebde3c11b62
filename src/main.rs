fn main() {
    std::process::exit(coach::run(std::env::args_os()));
}
