//! The reality tier (placeholder while it is being built).
fn main() {
    println!("reality tier: skipped (not built yet)");
}
