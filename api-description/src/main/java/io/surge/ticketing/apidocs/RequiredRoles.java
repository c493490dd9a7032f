package io.surge.ticketing.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles, any of which lets a caller use an operation. Every path under {@code /api/v1/admin/} needs
 * {@code admin} without saying so; an admin path that also lets another role in (door scanners) says it here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiredRoles {

    String[] value();
}
