package callcenter.users.boundary;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import callcenter.common.CallCenterException;
import callcenter.common.Page;
import callcenter.common.PageRequest;
import callcenter.common.Roles;
import callcenter.common.Times;
import callcenter.events.Push;
import callcenter.events.PushPublisher;
import callcenter.users.control.AtClientName;
import callcenter.users.entity.User;

/** Creating, listing, changing and disabling the users (agents, supervisors, admins). */
@Stateless
public class UserService {

    /**
     * What an admin sends to create a user, the password already hashed ({@link PasswordHasher}): the hash takes
     * tens of milliseconds of a core and is made before the transaction, not inside it ({@code StaffSetup}).
     */
    public record NewUser(String username, String displayName, String passwordHash, String extension, String role,
                          String sipUsername, String telnyxCredentialId) {

        public NewUser withPasswordHash(String hash) {
            return new NewUser(username, displayName, hash, extension, role, sipUsername, telnyxCredentialId);
        }
    }

    /**
     * A partial change: null leaves a field as it is; an empty string clears {@code sipUsername} or
     * {@code telnyxCredentialId}. A new password comes hashed, like {@link NewUser}'s.
     */
    public record UserChanges(String displayName, String extension, String role, String passwordHash,
                              String sipUsername, String telnyxCredentialId, Boolean enabled) {

        public UserChanges withPasswordHash(String hash) {
            return new UserChanges(displayName, extension, role, hash, sipUsername, telnyxCredentialId, enabled);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    PushPublisher events;

    @Inject
    jakarta.enterprise.event.Event<UserCreated> created;

    public User create(NewUser request) {
        requireRole(request.role());
        if (request.passwordHash() == null) {
            throw new IllegalArgumentException("a new user needs a password hash");
        }
        String clientName = AtClientName.of(request.username());
        // A friendly message for the usual case; the unique constraints below decide races between nodes.
        List<User> clashes = em.createQuery(
                        "SELECT u FROM User u WHERE u.username = :username OR u.atClientName = :clientName", User.class)
                .setParameter("username", request.username())
                .setParameter("clientName", clientName)
                .getResultList();
        if (clashes.stream().anyMatch(u -> u.username().equals(request.username()))) {
            throw usernameTaken(request.username());
        }
        if (!clashes.isEmpty()) {
            throw clientNameTaken(request.username(), clientName);
        }
        User user = new User(request.username(), clientName, request.displayName(), blankToNull(request.extension()),
                request.role(), request.passwordHash(), Times.now());
        if (request.sipUsername() != null) {
            user.sipUsername(blankToNull(request.sipUsername()), user.createdAt());
        }
        if (request.telnyxCredentialId() != null) {
            user.telnyxCredentialId(blankToNull(request.telnyxCredentialId()), user.createdAt());
        }
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException e) {
            String constraint = violatedUniqueConstraint(e).orElseThrow(() -> e);
            throw constraint.contains("uq_users_at_client_name") ? clientNameTaken(request.username(), clientName)
                    : usernameTaken(request.username());
        }
        created.fire(new UserCreated(user.id()));
        return user;
    }

    /** Newest first. */
    public Page<User> list(PageRequest page) {
        String where = page.after() == null ? ""
                : " WHERE u.createdAt < :at OR (u.createdAt = :at AND u.id < :id)";
        TypedQuery<User> query = em.createQuery(
                "SELECT u FROM User u" + where + " ORDER BY u.createdAt DESC, u.id DESC", User.class);
        if (page.after() != null) {
            query.setParameter("at", page.after().createdAt()).setParameter("id", page.after().id());
        }
        List<User> found = new ArrayList<>(query.setMaxResults(page.limit() + 1).getResultList());
        String next = null;
        if (found.size() > page.limit()) {
            found = found.subList(0, page.limit());
            User last = found.get(found.size() - 1);
            next = PageRequest.cursorAfter(last.createdAt(), last.id());
        }
        return new Page<>(List.copyOf(found), next);
    }

    public User get(UUID id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw CallCenterException.notFound("No user " + id);
        }
        return user;
    }

    public Optional<User> findByUsername(String username) {
        return em.createQuery("SELECT u FROM User u WHERE u.username = :username", User.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /** Stores the same password hashed with today's parameters, in a short transaction of its own. */
    public void rehash(UUID id, String hash) {
        User user = em.find(User.class, id);
        if (user != null) {
            user.rehash(hash, Times.now());
        }
    }

    public boolean exists(String username) {
        return findByUsername(username).isPresent();
    }

    public User update(UUID id, UserChanges changes) {
        if (changes.role() != null) {
            requireRole(changes.role());
        }
        User user = em.find(User.class, id);
        if (user == null) {
            throw CallCenterException.notFound("No user " + id);
        }
        boolean mayRemoveAdmin = changes.role() != null || Boolean.FALSE.equals(changes.enabled());
        // Locks first the enabled admins (always in id order, so two such changes cannot deadlock), then the user,
        // and reads the user again under its lock: concurrent changes neither get lost nor disable the last admin.
        List<User> admins = mayRemoveAdmin ? lockEnabledAdmins() : List.of();
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        long generationBefore = user.tokenGeneration();
        var now = Times.now();
        boolean removesAdmin = Roles.ADMIN.equals(user.role()) && user.enabled()
                && ((changes.role() != null && !Roles.ADMIN.equals(changes.role()))
                || Boolean.FALSE.equals(changes.enabled()));
        if (removesAdmin && admins.stream().noneMatch(a -> !a.id().equals(user.id()))) {
            throw CallCenterException.conflict("last-admin", "Last admin",
                    "User " + user.username() + " is the last enabled admin; make another admin first");
        }
        if (changes.displayName() != null) {
            user.displayName(changes.displayName(), now);
        }
        if (changes.extension() != null) {
            user.extension(blankToNull(changes.extension()), now);
        }
        if (changes.passwordHash() != null) {
            user.changePassword(changes.passwordHash(), now);
        }
        if (changes.sipUsername() != null) {
            user.sipUsername(blankToNull(changes.sipUsername()), now);
        }
        if (changes.telnyxCredentialId() != null) {
            user.telnyxCredentialId(blankToNull(changes.telnyxCredentialId()), now);
        }
        if (changes.role() != null) {
            user.role(changes.role(), now);
        }
        if (Boolean.TRUE.equals(changes.enabled())) {
            user.enable(now);
        } else if (Boolean.FALSE.equals(changes.enabled())) {
            user.disable(now);
        }
        // A socket keeps the identity and role of the token it was opened with, so open sockets of a user whose
        // tokens this change revoked (disabled, new role, new password) are closed on every node (in this
        // transaction: only if the change commits).
        if (user.tokenGeneration() != generationBefore) {
            events.publish(Push.revokeSockets(user.id()));
        }
        return user;
    }

    /** Disables a user: its logins and tokens fail from now on; its history stays. Disabling twice is fine. */
    public void disable(UUID id) {
        update(id, new UserChanges(null, null, null, null, null, null, false));
    }

    /** Nobody could administer the platform any more if its last enabled admin were disabled or demoted. */
    private List<User> lockEnabledAdmins() {
        return em.createQuery("SELECT u FROM User u WHERE u.role = :role AND u.enabled = true ORDER BY u.id",
                        User.class)
                .setParameter("role", Roles.ADMIN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    private static void requireRole(String role) {
        if (!Roles.isUserRole(role)) {
            throw CallCenterException.invalid("role", "must be admin, supervisor or agent");
        }
    }

    private static CallCenterException usernameTaken(String username) {
        return CallCenterException.conflict("username-taken", "Username taken", "The username " + username + " is taken");
    }

    private static CallCenterException clientNameTaken(String username, String clientName) {
        return CallCenterException.conflict("client-name-taken", "Client name taken",
                "The username " + username + " would answer as Africa's Talking client " + clientName
                        + ", which another user already has");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The name of the unique constraint a failed write violated (SQLSTATE 23505 on PostgreSQL and H2), if any. */
    static Optional<String> violatedUniqueConstraint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return Optional.of(String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
