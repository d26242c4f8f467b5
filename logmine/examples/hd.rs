use std::io::BufRead;
fn main() {
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let b = line.as_bytes();
        let h = cyberbrain_logmine::header::detect(b);
        let al = h.after_level.map(|a| {
            (
                String::from_utf8_lossy(&b[a.groups..a.logger]).into_owned(),
                String::from_utf8_lossy(&b[a.logger..a.logger_end]).into_owned(),
            )
        });
        println!(
            "{:?} {:?} prog={:?} bare={:?} | body={:?}",
            h.level,
            al,
            h.program
                .clone()
                .map(|r| String::from_utf8_lossy(&b[r]).into_owned()),
            h.bare_program(b),
            String::from_utf8_lossy(h.body(b))
        );
    }
}
