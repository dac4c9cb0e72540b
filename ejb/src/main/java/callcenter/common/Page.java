package callcenter.common;

import java.util.List;
import java.util.function.Function;

import jakarta.json.bind.annotation.JsonbNillable;

/** One page of a list, newest first; {@code nextCursor} is null on the last page (and written as null). */
@JsonbNillable
public record Page<T>(List<T> items, String nextCursor) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }

    /** The page with its items mapped all at once, in their order (for what is read for the whole page). */
    public <R> Page<R> mapAll(Function<List<T>, List<R>> mapper) {
        return new Page<>(mapper.apply(items), nextCursor);
    }
}
