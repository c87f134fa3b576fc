package org.keyhaven.web.management;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.access.AdminUserService;
import org.keyhaven.access.AdminUserView;
import org.keyhaven.access.CreatedUser;
import org.keyhaven.access.Role;
import org.keyhaven.web.RequestValidation;

/** Admin users: managed by security administrators; each user changes their own password. */
@Path("api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    @EJB
    private AdminUserService users;

    @Inject
    private RequestValidation validation;

    @POST
    @AuditedOperation("user.create")
    public Response create(UserRequests.Create body) {
        UserRequests.Create request = validation.valid(body);
        try (CreatedUser created = users.create(request.username(), roles(request.roles()))) {
            return Response.created(UriBuilder.fromPath("/api/v1/users/{id}").build(created.user().id()))
                    .entity(withPassword(created)).build();
        }
    }

    @GET
    @AuditedOperation("user.list")
    public List<AdminUserView> list() {
        return users.list();
    }

    @GET
    @Path("me")
    @AuditedOperation("user.me")
    public AdminUserView me() {
        return users.me();
    }

    @GET
    @Path("{id}")
    @AuditedOperation("user.read")
    public AdminUserView get(@PathParam("id") String id) {
        return users.get(id);
    }

    /**
     * The JSON body arrives as Strings (the JSON layer cannot do otherwise); they are turned into char arrays at once
     * and those are wiped after use.
     */
    @POST
    @Path("me/password")
    @AuditedOperation("user.password.change")
    public Response changeOwnPassword(UserRequests.ChangePassword body) {
        UserRequests.ChangePassword request = validation.valid(body);
        char[] current = request.currentPassword().toCharArray();
        char[] next = request.newPassword().toCharArray();
        try {
            users.changeOwnPassword(current, next);
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(next, '\0');
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/reset-password")
    @AuditedOperation("user.password.reset")
    public UserRequests.WithOneTimePassword resetPassword(@PathParam("id") String id) {
        try (CreatedUser reset = users.resetPassword(id)) {
            return withPassword(reset);
        }
    }

    @POST
    @Path("{id}/unlock")
    @AuditedOperation("user.unlock")
    public AdminUserView unlock(@PathParam("id") String id) {
        return users.unlock(id);
    }

    @PUT
    @Path("{id}/roles")
    @AuditedOperation("user.roles")
    public AdminUserView setRoles(@PathParam("id") String id, UserRequests.Roles body) {
        return users.setRoles(id, roles(validation.valid(body).roles()));
    }

    @POST
    @Path("{id}/disable")
    @AuditedOperation("user.disable")
    public AdminUserView disable(@PathParam("id") String id) {
        return users.disable(id);
    }

    @POST
    @Path("{id}/enable")
    @AuditedOperation("user.enable")
    public AdminUserView enable(@PathParam("id") String id) {
        return users.enable(id);
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(Role.parse(name)));
        return roles;
    }

    private static UserRequests.WithOneTimePassword withPassword(CreatedUser user) {
        return new UserRequests.WithOneTimePassword(user.user(), new String(user.oneTimePassword()));
    }
}
