package callcenter.web.queues;

/** The field rules the queue requests share (api.md section 7). */
final class QueueRules {

    static final String NAME = "[a-z0-9_-]{1,64}";
    static final String NAME_MESSAGE = "must be 1-64 of [a-z0-9_-]";
    static final String STRATEGY = "ring-all|longest-idle|round-robin|skills";
    static final String STRATEGY_MESSAGE = "must be ring-all, longest-idle, round-robin or skills";
    static final String NOT_BLANK = "(?s).*\\S.*";

    private QueueRules() {
    }
}
