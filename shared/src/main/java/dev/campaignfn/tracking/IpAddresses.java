package dev.campaignfn.tracking;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The only trace of a client's address that is ever stored: its network prefix (IPv4 /24,
 * IPv6 /48), enough for coarse geography and abuse analysis, not enough to name a household.
 */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private IpAddresses() {
    }

    /** Whether the text is a literal IP address (never a host name: nothing is looked up). */
    public static boolean isLiteral(String text) {
        return text != null && (IPV4.matcher(text).matches() || (text.contains(":") && IPV6.matcher(text).matches()))
                && parse(text) != null;
    }

    /** {@code 203.0.113.77} becomes {@code 203.0.113.0/24}; null when the text is not an address. */
    public static String prefix(String text) {
        InetAddress address = parse(text);
        if (address == null) {
            return null;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        }
        if (address instanceof Inet6Address) {
            return String.format("%x:%x:%x::/48", ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff),
                    ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff), ((bytes[4] & 0xff) << 8) | (bytes[5] & 0xff));
        }
        return null;
    }

    private static InetAddress parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String literal = text.strip();
        if (!(IPV4.matcher(literal).matches() || (literal.contains(":") && IPV6.matcher(literal).matches()))) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
