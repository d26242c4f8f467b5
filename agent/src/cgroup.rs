//! Which container a process belongs to, read from the text of its `/proc/<pid>/cgroup`. Pure: the
//! caller reads the file.
//!
//! Container runtimes put each container in a cgroup whose path ends in the container's 64-hex-digit
//! id, in one of a few shapes:
//!
//! | runtime and cgroup driver | path (v1 lines are `N:controllers:path`, v2 is `0::path`) |
//! |---|---|
//! | Docker, cgroupfs | `/docker/<id>` |
//! | Docker, systemd | `/system.slice/docker-<id>.scope` |
//! | Podman | `/machine.slice/libpod-<id>.scope`, maybe with `/container` below it |
//! | containerd | `/k8s.io/<id>`, `/default/<id>`, `…/cri-containerd-<id>.scope` |
//! | CRI-O | `…/crio-<id>.scope` |
//! | Kubernetes, cgroupfs | `/kubepods/burstable/pod<uid>/<id>` |
//! | Kubernetes, systemd | `/kubepods.slice/…/kubepods-burstable-pod<uid>.slice/cri-containerd-<id>.scope` |
//! | containerd's systemd driver, v1 | `/system.slice/containerd.service/kubepods-…:cri-containerd:<id>` |
//!
//! Anything else (`/`, `/init.scope`, `/user.slice/…`, `/system.slice/sshd.service`) is a host
//! process. Seen from inside another cgroup namespace the paths start with `/..`, which does not
//! change their last segments.

/// The length of a full container id: 32 bytes in hex.
const CONTAINER_ID_LEN: usize = 64;

/// The container id a process's cgroup file names, or `None` for a process on the host. The id is
/// lowercase hex as the runtimes write it.
pub fn container_id(cgroup_file: &str) -> Option<String> {
    cgroup_file.lines().find_map(|line| {
        // `hierarchy:controllers:path`; the path itself may contain `:` (containerd's systemd
        // driver), so split off only the first two fields.
        let mut fields = line.splitn(3, ':');
        let (_hierarchy, _controllers, path) = (fields.next()?, fields.next()?, fields.next()?);
        path.rsplit('/').find_map(container_id_in_segment)
    })
}

/// The container id in one path segment, if the segment is one of the shapes above.
fn container_id_in_segment(segment: &str) -> Option<String> {
    let segment = segment.strip_suffix(".scope").unwrap_or(segment);
    // Podman's conmon monitor runs in `libpod-conmon-<id>.scope`, beside the container, not in it.
    if segment.starts_with("libpod-conmon-") {
        return None;
    }
    // The id is the whole segment or follows the runtime's prefix and `-` or `:`.
    let candidate = match segment.rfind(['-', ':']) {
        Some(separator) => &segment[separator + 1..],
        None => segment,
    };
    is_container_id(candidate).then(|| candidate.to_string())
}

fn is_container_id(text: &str) -> bool {
    text.len() == CONTAINER_ID_LEN
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "3f4e8b1c2d5a6978e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7";

    fn check(cgroup_file: &str, expected: Option<&str>) {
        assert_eq!(
            container_id(cgroup_file).as_deref(),
            expected,
            "{cgroup_file:?}"
        );
    }

    #[test]
    fn docker_cgroupfs_v1() {
        check(
            &format!("12:pids:/docker/{ID}\n11:memory:/docker/{ID}\n1:name=systemd:/docker/{ID}\n"),
            Some(ID),
        );
    }

    #[test]
    fn docker_systemd_v2() {
        check(&format!("0::/system.slice/docker-{ID}.scope\n"), Some(ID));
    }

    #[test]
    fn podman_with_and_without_a_nested_cgroup() {
        check(&format!("0::/machine.slice/libpod-{ID}.scope\n"), Some(ID));
        check(
            &format!("0::/machine.slice/libpod-{ID}.scope/container\n"),
            Some(ID),
        );
        check(
            &format!(
                "0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-{ID}.scope\n"
            ),
            Some(ID),
        );
    }

    #[test]
    fn podman_conmon_is_not_the_container() {
        check(
            &format!("0::/machine.slice/libpod-conmon-{ID}.scope\n"),
            None,
        );
    }

    #[test]
    fn containerd_and_cri_o() {
        check(&format!("0::/k8s.io/{ID}\n"), Some(ID));
        check(&format!("0::/default/{ID}\n"), Some(ID));
        check(
            &format!("0::/system.slice/cri-containerd-{ID}.scope\n"),
            Some(ID),
        );
        check(&format!("0::/machine.slice/crio-{ID}.scope\n"), Some(ID));
    }

    #[test]
    fn kubepods_cgroupfs_and_systemd() {
        check(
            &format!("4:memory:/kubepods/burstable/pod0b6e1a8c-6d7f-4c52-9d3e-2f1a0b9c8d7e/{ID}\n"),
            Some(ID),
        );
        check(
            &format!(
                "0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod0b6e1a8c_6d7f_4c52_9d3e_2f1a0b9c8d7e.slice/cri-containerd-{ID}.scope\n"
            ),
            Some(ID),
        );
        check(
            &format!(
                "3:cpu,cpuacct:/system.slice/containerd.service/kubepods-burstable-pod0b6e1a8c_6d7f.slice:cri-containerd:{ID}\n"
            ),
            Some(ID),
        );
    }

    #[test]
    fn seen_from_another_cgroup_namespace() {
        check(
            &format!("0::/../../system.slice/docker-{ID}.scope\n"),
            Some(ID),
        );
    }

    #[test]
    fn host_processes() {
        check("0::/init.scope\n", None);
        check("0::/\n", None);
        check("0::/user.slice/user-1000.slice/session-2.scope\n", None);
        check("0::/system.slice/docker.service\n", None);
        check("12:pids:/\n11:memory:/user.slice\n", None);
        check("", None);
    }

    #[test]
    fn near_misses_are_not_ids() {
        // One digit short, upper case, and not hex.
        check(&format!("0::/docker/{}\n", &ID[1..]), None);
        check(&format!("0::/docker/{}\n", ID.to_uppercase()), None);
        check(&format!("0::/docker/{}\n", ID.replace('a', "g")), None);
        check("garbage without colons\n", None);
    }
}
