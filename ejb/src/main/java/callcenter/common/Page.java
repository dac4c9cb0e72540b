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
}
