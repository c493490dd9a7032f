package io.surge.ticketing.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.surge.ticketing.contracts.ErrorCode;

/**
 * A refusal an operation answers, described where the handler is: its status, the stable codes a client switches
 * on, and when. The published description shows it as an {@code application/problem+json} answer with one example
 * per code. Refusals every operation shares (401, 429, 503, an admission token's 403s...) are added by
 * {@link PublicOperations} and need no annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemAnswers.class)
public @interface ProblemAnswer {

    int status();

    ErrorCode[] codes();

    /** When this answer comes, in a client developer's words. */
    String when() default "";
}
