package callcenter.web;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * RESTEasy ships a mapper for {@link ValidationException}, which is more specific than {@link ProblemMapper}'s
 * {@code Throwable}; this one is more specific still and hands over to the same rules.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

    @Override
    public Response toResponse(ValidationException failure) {
        Problem problem = Problems.of(failure, true);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toJson()).build();
    }
}
