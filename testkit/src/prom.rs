//! A strict parser of the Prometheus text exposition format 0.0.4, for tests that read
//! `/metrics`: `# HELP` and `# TYPE` at most once per family and before its samples, every sample
//! in a declared family and in one group with its family's other samples, no repeated series,
//! and histograms whose buckets add up. Anything else is an error that names the line.

use std::collections::{BTreeMap, BTreeSet};

/// One sample: a series and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// The sample's name (for a histogram, with `_bucket`, `_sum` or `_count`).
    pub name: String,
    /// Its labels.
    pub labels: BTreeMap<String, String>,
    /// Its value.
    pub value: f64,
}

/// One metric family.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Family {
    /// `counter`, `gauge`, `histogram`, `summary` or `untyped`.
    pub kind: String,
    /// The help text, if given.
    pub help: Option<String>,
    /// Its samples, in order.
    pub samples: Vec<Sample>,
}

/// A parsed exposition.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Exposition {
    /// Families by name.
    pub families: BTreeMap<String, Family>,
}

impl Exposition {
    /// Every family name and every sample name.
    pub fn names(&self) -> BTreeSet<String> {
        self.families
            .iter()
            .flat_map(|(name, family)| {
                std::iter::once(name.clone()).chain(family.samples.iter().map(|s| s.name.clone()))
            })
            .collect()
    }

    /// The value of the sample `name` whose labels are exactly `labels`.
    pub fn value(&self, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
        let wanted: BTreeMap<String, String> = labels
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        self.samples(name)
            .find(|s| s.labels == wanted)
            .map(|s| s.value)
    }

    /// The sum of the samples `name` whose labels include `labels`.
    pub fn sum(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        self.samples(name)
            .filter(|s| {
                labels
                    .iter()
                    .all(|(k, v)| s.labels.get(*k).is_some_and(|x| x == v))
            })
            .map(|s| s.value)
            .sum()
    }

    fn samples<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Sample> + 'a {
        self.families
            .values()
            .flat_map(|f| f.samples.iter())
            .filter(move |s| s.name == name)
    }
}

/// Parses `text`; the error names the line number and what is wrong.
pub fn parse(text: &str) -> Result<Exposition, String> {
    let mut exposition = Exposition::default();
    // Families whose samples have started, and the one whose group is open.
    let mut finished: BTreeSet<String> = BTreeSet::new();
    let mut current: Option<String> = None;
    let mut series: BTreeSet<(String, Vec<(String, String)>)> = BTreeSet::new();
    for (index, line) in text.lines().enumerate() {
        let at = |what: String| format!("line {}: {what}: {line:?}", index + 1);
        if line.trim().is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("# HELP ") {
            let (name, help) = rest.split_once(' ').unwrap_or((rest, ""));
            check_name(name).map_err(at)?;
            let family = exposition.families.entry(name.to_string()).or_default();
            if family.help.is_some() {
                return Err(at("a second HELP for the family".into()));
            }
            if !family.samples.is_empty() {
                return Err(at("HELP after the family's samples".into()));
            }
            family.help = Some(help.to_string());
            continue;
        }
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let (name, kind) = rest
                .split_once(' ')
                .ok_or_else(|| at("TYPE without a type".into()))?;
            check_name(name).map_err(at)?;
            if !["counter", "gauge", "histogram", "summary", "untyped"].contains(&kind) {
                return Err(at(format!("unknown type {kind:?}")));
            }
            let family = exposition.families.entry(name.to_string()).or_default();
            if !family.kind.is_empty() {
                return Err(at("a second TYPE for the family".into()));
            }
            if !family.samples.is_empty() {
                return Err(at("TYPE after the family's samples".into()));
            }
            family.kind = kind.to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let sample = parse_sample(line).map_err(at)?;
        let family_name = family_of(&exposition, &sample.name)
            .ok_or_else(|| at(format!("sample {} has no declared family", sample.name)))?;
        if current.as_deref() != Some(family_name.as_str()) {
            if finished.contains(&family_name) {
                return Err(at(format!("family {family_name} is split into two groups")));
            }
            if let Some(previous) = current.take() {
                finished.insert(previous);
            }
            current = Some(family_name.clone());
        }
        let key = (
            sample.name.clone(),
            sample
                .labels
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        );
        if !series.insert(key) {
            return Err(at("the same series twice".into()));
        }
        exposition
            .families
            .get_mut(&family_name)
            .ok_or_else(|| at("family vanished".into()))?
            .samples
            .push(sample);
    }
    for (name, family) in &exposition.families {
        if family.kind.is_empty() {
            return Err(format!("family {name} has HELP but no TYPE"));
        }
        if family.kind == "histogram" {
            check_histogram(name, family)?;
        }
    }
    Ok(exposition)
}

/// The declared family a sample belongs to.
fn family_of(exposition: &Exposition, sample: &str) -> Option<String> {
    let declared = |name: &str, kinds: &[&str]| {
        exposition
            .families
            .get(name)
            .is_some_and(|f| kinds.contains(&f.kind.as_str()))
    };
    if declared(sample, &["counter", "gauge", "untyped", "summary"]) {
        return Some(sample.to_string());
    }
    for (suffix, kinds) in [
        ("_bucket", &["histogram"][..]),
        ("_sum", &["histogram", "summary"][..]),
        ("_count", &["histogram", "summary"][..]),
    ] {
        if let Some(base) = sample.strip_suffix(suffix)
            && declared(base, kinds)
        {
            return Some(base.to_string());
        }
    }
    None
}

/// A series' labels, without `le`, as a sortable key.
type LabelKey = Vec<(String, String)>;

/// Each label set of a histogram has a `+Inf` bucket equal to its `_count`, and cumulative
/// buckets that never decrease.
fn check_histogram(name: &str, family: &Family) -> Result<(), String> {
    let mut buckets: BTreeMap<LabelKey, Vec<(f64, f64)>> = BTreeMap::new();
    let mut counts: BTreeMap<LabelKey, f64> = BTreeMap::new();
    for sample in &family.samples {
        let mut labels = sample.labels.clone();
        if sample.name.ends_with("_bucket") {
            let le = labels
                .remove("le")
                .ok_or_else(|| format!("{name}: a bucket without le"))?;
            let bound = parse_value(&le).map_err(|e| format!("{name}: le {e}"))?;
            buckets
                .entry(labels.into_iter().collect())
                .or_default()
                .push((bound, sample.value));
        } else if sample.name.ends_with("_count") {
            counts.insert(labels.into_iter().collect(), sample.value);
        }
    }
    for (labels, mut list) in buckets {
        list.sort_by(|a, b| a.0.total_cmp(&b.0));
        if list.windows(2).any(|w| w[1].1 < w[0].1) {
            return Err(format!("{name} {labels:?}: buckets decrease"));
        }
        let last = list.last().copied().unwrap_or((0.0, 0.0));
        if last.0 != f64::INFINITY {
            return Err(format!("{name} {labels:?}: no +Inf bucket"));
        }
        if counts.get(&labels) != Some(&last.1) {
            return Err(format!("{name} {labels:?}: _count is not the +Inf bucket"));
        }
    }
    Ok(())
}

fn check_name(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == ':');
    if first_ok && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
        Ok(())
    } else {
        Err(format!("{name:?} is not a metric name"))
    }
}

fn parse_sample(line: &str) -> Result<Sample, String> {
    let name_end = line.find(['{', ' ']).ok_or("a sample without a value")?;
    let name = &line[..name_end];
    check_name(name)?;
    let mut rest = &line[name_end..];
    let mut labels = BTreeMap::new();
    if let Some(after) = rest.strip_prefix('{') {
        let (parsed, remainder) = parse_labels(after)?;
        labels = parsed;
        rest = remainder;
    }
    let mut fields = rest.split_whitespace();
    let value = parse_value(fields.next().ok_or("a sample without a value")?)?;
    if let Some(timestamp) = fields.next() {
        timestamp
            .parse::<i64>()
            .map_err(|_| format!("bad timestamp {timestamp:?}"))?;
    }
    if fields.next().is_some() {
        return Err("text after the timestamp".into());
    }
    Ok(Sample {
        name: name.to_string(),
        labels,
        value,
    })
}

/// Parses `key="value",...}` and returns the labels and what follows the `}`.
fn parse_labels(mut text: &str) -> Result<(BTreeMap<String, String>, &str), String> {
    let mut labels = BTreeMap::new();
    loop {
        if let Some(rest) = text.strip_prefix('}') {
            return Ok((labels, rest));
        }
        let (key, rest) = text.split_once("=\"").ok_or("a label without =\"")?;
        check_name(key)?;
        if key.contains(':') {
            return Err(format!("label name {key:?} has a colon"));
        }
        let mut value = String::new();
        let mut chars = rest.char_indices();
        let end = loop {
            match chars.next() {
                Some((i, '"')) => break i,
                Some((_, '\\')) => match chars.next() {
                    Some((_, '\\')) => value.push('\\'),
                    Some((_, '"')) => value.push('"'),
                    Some((_, 'n')) => value.push('\n'),
                    other => return Err(format!("bad escape {other:?}")),
                },
                Some((_, c)) => value.push(c),
                None => return Err("an unterminated label value".into()),
            }
        };
        if labels.insert(key.to_string(), value).is_some() {
            return Err(format!("label {key:?} twice"));
        }
        text = &rest[end + 1..];
        text = text.strip_prefix(',').unwrap_or(text);
    }
}

fn parse_value(text: &str) -> Result<f64, String> {
    match text {
        "+Inf" | "Inf" => Ok(f64::INFINITY),
        "-Inf" => Ok(f64::NEG_INFINITY),
        "NaN" => Ok(f64::NAN),
        _ => text.parse().map_err(|_| format!("bad value {text:?}")),
    }
}

/// The `cyberbrain_…` metric names in a PromQL expression (a plain scan, no PromQL parser).
pub fn metric_names_in(expression: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = expression;
    while let Some(start) = rest.find("cyberbrain_") {
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .unwrap_or(tail.len());
        // Part of a longer identifier (`my_cyberbrain_x`) is not a name of ours.
        let standalone = rest[..start]
            .chars()
            .last()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'));
        if standalone {
            names.insert(tail[..end].to_string());
        }
        rest = &tail[end..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "# HELP a_total Things.\n# TYPE a_total counter\na_total{k=\"v\"} 3\n\
        # TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 1.5\nh_count 2\n";

    #[test]
    fn a_well_formed_exposition_parses() {
        let e = parse(GOOD).expect("parses");
        assert_eq!(e.value("a_total", &[("k", "v")]), Some(3.0));
        assert_eq!(e.value("h_count", &[]), Some(2.0));
        assert!(e.names().contains("h_bucket"));
    }

    #[test]
    fn malformed_expositions_are_refused() {
        for (bad, why) in [
            ("x 1\n", "undeclared"),
            ("# TYPE x gauge\nx 1\nx 2\n", "repeated series"),
            (
                "# TYPE x gauge\nx{a=\"1\"} 1\n# TYPE y gauge\ny 1\nx{a=\"2\"} 1\n",
                "split",
            ),
            ("# TYPE x gauge\nx{a=\"1} 1\n", "unterminated"),
            ("# TYPE x gauge\nx one\n", "bad value"),
            ("# TYPE x gauge\nx 1\n# TYPE x gauge\n", "two TYPEs"),
            (
                "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\n",
                "no +Inf",
            ),
            (
                "# TYPE x_total counter\nx 1\n",
                "counter sample without its name",
            ),
        ] {
            assert!(parse(bad).is_err(), "{why}: {bad:?}");
        }
    }

    #[test]
    fn names_are_scanned_out_of_promql() {
        let names = metric_names_in(
            "histogram_quantile(0.99, sum by (le) (rate(cyberbrain_dispatch_latency_seconds_bucket[5m]))) > 1 and my_cyberbrain_x",
        );
        assert_eq!(
            names.into_iter().collect::<Vec<_>>(),
            vec!["cyberbrain_dispatch_latency_seconds_bucket"]
        );
    }
}
