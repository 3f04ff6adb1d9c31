package dev.eddy.cli.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --scram USER:PASSWORD[,...]} and the checks of a secured broker's settings, naming the option and the user. */
class BrokerSecurityTest {

  @Test
  void parsesUsersInOrder() {
    assertThat(BrokerSecurity.parseUsers("eddy:a-b_c,kcat:p:with:colons"))
        .containsExactly(Map.entry("eddy", "a-b_c"), Map.entry("kcat", "p:with:colons"));
  }

  @Test
  void refusesMalformedEntriesNamingTheUserNeverThePassword() {
    assertThatThrownBy(() -> BrokerSecurity.parseUsers("eddy")).hasMessage("--scram: each entry must be USER:PASSWORD, got an entry for 'eddy'");
    assertThatThrownBy(() -> BrokerSecurity.parseUsers("eddy:")).hasMessageContaining("'eddy'");
    assertThatThrownBy(() -> BrokerSecurity.parseUsers("eddy:x,eddy:y")).hasMessage("--scram: user 'eddy' is given twice");
    assertThatThrownBy(() -> BrokerSecurity.parseUsers("eddy-broker:x")).hasMessage("--scram: user 'eddy-broker' is the broker's own");
    assertThatThrownBy(() -> new BrokerSecurity(true, Map.of("eddy", "se\"cret"), false))
        .hasMessage("--scram: user 'eddy': names and passwords may not hold quotes, backslashes, commas or spaces");
  }

  @Test
  void tlsNeedsUsersAndUsersAndAclsNeedTls() {
    assertThatThrownBy(() -> new BrokerSecurity(true, Map.of(), false)).hasMessageStartingWith("--tls needs at least one user");
    assertThatThrownBy(() -> new BrokerSecurity(false, Map.of("eddy", "x"), false)).hasMessage("--scram and --acl need --tls");
    assertThatThrownBy(() -> new BrokerSecurity(false, Map.of(), true)).hasMessage("--scram and --acl need --tls");
  }

  @Test
  void printsNoPassword() {
    assertThat(new BrokerSecurity(true, Map.of("eddy", "s3cret"), true).toString())
        .isEqualTo("BrokerSecurity[tls=true, users=[eddy], acl=true]");
  }
}
