package org.gitlabaccess.core.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * The jump hosts of a {@code ProxyJump} value ({@code [user@]host[:port]} or
 * {@code ssh://[user@]host[:port]}, comma-separated), as the endpoints whose host keys are checked
 * on the way. Host names are taken literally: a jump host's own {@code ~/.ssh/config} entry is not
 * resolved.
 */
final class ProxyJumpHops {
    private ProxyJumpHops() {
    }

    static List<SshEndpoint> of(String proxyJump) {
        List<SshEndpoint> hops = new ArrayList<>();
        for (String hop : proxyJump.split(",")) {
            String h = hop.strip();
            if (h.startsWith("ssh://")) {
                h = h.substring("ssh://".length());
            }
            h = h.substring(h.lastIndexOf('@') + 1);
            if (h.endsWith("/")) {
                h = h.substring(0, h.length() - 1);
            }
            String host = h;
            int port = SshEndpoint.DEFAULT_PORT;
            if (h.startsWith("[") && h.contains("]")) {
                host = h.substring(1, h.indexOf(']'));
                String rest = h.substring(h.indexOf(']') + 1);
                port = rest.startsWith(":") ? parsePort(rest.substring(1)) : port;
            } else if (h.indexOf(':') > 0 && h.indexOf(':') == h.lastIndexOf(':')) {
                host = h.substring(0, h.indexOf(':'));
                port = parsePort(h.substring(h.indexOf(':') + 1));
            }
            if (!host.isEmpty()) {
                hops.add(SshEndpoint.of(host, port));
            }
        }
        return hops;
    }

    private static int parsePort(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return SshEndpoint.DEFAULT_PORT;
        }
    }
}
