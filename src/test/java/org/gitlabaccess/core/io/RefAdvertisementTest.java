package org.gitlabaccess.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The ref advertisement counted as the lines git ls-remote prints. */
class RefAdvertisementTest {
    private static final String ID = "0123456789012345678901234567890123456789";

    /** pkt-lines: four hex digits of length (themselves included), then the payload. */
    private static byte[] pkt(String... lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l == null ? "0000" : String.format("%04x", l.length() + 4) + l);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPeeledTagIsALineOfItsOwnAndTheCapabilitiesAreNoRef() {
        byte[] ad = pkt(ID + " HEAD\0multi_ack side-band-64k\n", ID + " refs/heads/main\n", ID + " refs/tags/v1\n",
                ID + " refs/tags/v1^{}\n", null);
        assertThat(RefAdvertisement.count(ad)).isEqualTo(4);
    }

    @Test
    void anEmptyRepositoryAdvertisesNoRef() {
        assertThat(RefAdvertisement.count(pkt("0000000000000000000000000000000000000000 capabilities^{}\0agent=x\n",
                null))).isZero();
    }

    @Test
    void withoutTheFlushPacketOrWithAnErrorTheAdvertisementIsIncomplete() {
        assertThat(RefAdvertisement.count(pkt(ID + " HEAD\0caps\n"))).isEqualTo(-1);
        assertThat(RefAdvertisement.count(new byte[0])).isEqualTo(-1);
        byte[] err = pkt("ERR access denied or repository not exported: /x.git\n");
        assertThat(RefAdvertisement.count(err)).isEqualTo(-1);
        assertThat(RefAdvertisement.error(err)).isEqualTo("access denied or repository not exported: /x.git");
        assertThat(RefAdvertisement.count("zzzz".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
    }
}
