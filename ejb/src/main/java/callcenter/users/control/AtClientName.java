package callcenter.users.control;

/**
 * The Africa's Talking WebRTC client name of a user (api.md section 4): the username with every character outside
 * {@code [A-Za-z0-9_]} replaced by {@code _}. Two usernames can map to one client name ({@code a.b}, {@code a_b}),
 * which is why the name is stored with a unique constraint.
 */
public final class AtClientName {

    private AtClientName() {
    }

    public static String of(String username) {
        StringBuilder name = new StringBuilder(username.length());
        for (int i = 0; i < username.length(); i++) {
            char c = username.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            name.append(allowed ? c : '_');
        }
        return name.toString();
    }
}
