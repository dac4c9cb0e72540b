package callcenter.web.telnyx;

/** The answer to a command on a Telnyx call: {@code {"result":"ok"}}. */
public record CommandResult(String result) {

    static final CommandResult OK = new CommandResult("ok");
}
