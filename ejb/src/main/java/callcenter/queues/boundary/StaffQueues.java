package callcenter.queues.boundary;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import callcenter.common.Page;
import callcenter.common.PageRequest;
import callcenter.users.boundary.UserService;
import callcenter.users.entity.User;

/**
 * The admin's user use cases with the queues and skills of api.md section 7, each in one transaction: a user and its
 * memberships change together or not at all.
 */
@Stateless
public class StaffQueues {

    /** A user with its queues and skills. */
    public record Staffed(User user, Membership membership) {
    }

    @Inject
    UserService users;

    @Inject
    Memberships memberships;

    /** {@code queues} null: the default queue. */
    public Staffed create(UserService.NewUser request, List<String> queues, Map<String, Integer> skills) {
        User user = users.create(request);
        memberships.set(user.id(), queues, skills);
        return new Staffed(user, memberships.of(user.id()));
    }

    public Staffed update(UUID id, UserService.UserChanges changes, List<String> queues, Map<String, Integer> skills) {
        User user = users.update(id, changes);
        memberships.set(id, queues, skills);
        return new Staffed(user, memberships.of(id));
    }

    public Staffed get(UUID id) {
        return new Staffed(users.get(id), memberships.of(id));
    }

    public Page<Staffed> list(PageRequest page) {
        Page<User> found = users.list(page);
        Map<UUID, Membership> all = memberships.of(found.items().stream().map(User::id).toList());
        return found.map(u -> new Staffed(u, all.getOrDefault(u.id(), Membership.NONE)));
    }
}
