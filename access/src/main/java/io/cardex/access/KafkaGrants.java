package io.cardex.access;

import io.cardex.topics.KafkaConnection;
import io.cardex.topics.KafkaLogin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.ResourceNotFoundException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Makes Kafka's users what the {@code kafka:} section of access.yaml says, as its super user:
 * each user's SCRAM credential (the password from the environment variable the file names) and
 * exactly the ACLs the file allows it, no more. Running it again changes nothing: a user who can
 * already log in with its password keeps its credential, and only missing ACLs are added and
 * ACLs the file no longer has removed. A user dropped from the file loses its ACLs on the file's
 * topics and groups, and its credential once it holds no ACL anywhere: the file is the one
 * definition of who may touch cardex's topics, and a user left with no ACL can do nothing with
 * its login but a super user, which holds none on them.
 */
public final class KafkaGrants {

    /** Every example password of .env.example starts so: a deployment must never run with one. */
    static final String EXAMPLE_PASSWORD = "changeMe";
    private static final ScramMechanism MECHANISM = ScramMechanism.SCRAM_SHA_512;
    private static final int ITERATIONS = 8192;
    private static final int TIMEOUT_SECONDS = 30;
    /** The one name of Kafka's cluster resource. */
    private static final String CLUSTER = "kafka-cluster";
    private static final String USER_PREFIX = "User:";

    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<String, Set<AclBinding>> acls = new LinkedHashMap<>();

    /**
     * @param environment the process's environment variables, where each user's password is
     * @throws UnusablePasswordException naming the variable of a password missing or an example
     * @throws InvalidAccessFileException naming an operation Kafka does not know
     */
    public KafkaGrants(KafkaAccess access, Function<String, String> environment) {
        access.users().forEach((user, definition) -> {
            passwords.put(user, password(user, definition.password(), environment));
            acls.put(user, bindings(user, definition.allow()));
        });
    }

    /**
     * What one run changed.
     *
     * @param usersRemoved the users dropped from the file whose credential was deleted
     */
    public record Changes(List<String> credentialsSet, int aclsAdded, int aclsRemoved, List<String> usersRemoved) {

        public Changes {
            credentialsSet = List.copyOf(credentialsSet);
            usersRemoved = List.copyOf(usersRemoved);
        }

        public boolean none() {
            return credentialsSet.isEmpty() && aclsAdded == 0 && aclsRemoved == 0 && usersRemoved.isEmpty();
        }
    }

    /**
     * Sets the credentials and ACLs through {@code superUser}'s connection.
     *
     * @throws IllegalStateException when Kafka does not answer or refuses, saying which
     */
    public Changes apply(KafkaConnection superUser) throws InterruptedException {
        try (Admin admin = Admin.create(superUser.clientSettings(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "cardex-kafka-grants",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS))))) {
            List<String> credentials = setCredentials(admin, superUser);
            int added = 0;
            int removed = 0;
            for (Map.Entry<String, Set<AclBinding>> user : acls.entrySet()) {
                Set<AclBinding> existing = existingAcls(admin, user.getKey());
                List<AclBinding> missing = user.getValue().stream().filter(acl -> !existing.contains(acl)).toList();
                List<AclBindingFilter> stale = existing.stream().filter(acl -> !user.getValue().contains(acl))
                        .map(AclBinding::toFilter).toList();
                if (!missing.isEmpty()) {
                    admin.createAcls(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                }
                if (!stale.isEmpty()) {
                    admin.deleteAcls(stale).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                }
                added += missing.size();
                removed += stale.size();
            }
            Map<String, List<AclBinding>> dropped = aclsOfDroppedUsers(admin);
            List<String> usersRemoved = new ArrayList<>();
            for (Map.Entry<String, List<AclBinding>> user : dropped.entrySet()) {
                // Looked at before the deletion: the broker may answer from metadata a moment older.
                Set<AclBinding> elsewhere = existingAcls(admin, user.getKey());
                user.getValue().forEach(elsewhere::remove);
                admin.deleteAcls(user.getValue().stream().map(AclBinding::toFilter).toList()).all()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                removed += user.getValue().size();
                if (elsewhere.isEmpty() && removeCredential(admin, user.getKey())) {
                    usersRemoved.add(user.getKey());
                }
            }
            return new Changes(credentials, added, removed, usersRemoved);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka at " + superUser.bootstrapServers() + " refused the grants of "
                    + "access.yaml to " + superUser.user() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + superUser.bootstrapServers() + " did not answer within "
                    + TIMEOUT_SECONDS + " s: check that it runs and that the bootstrap servers are right", e);
        }
    }

    /** Sets the credential of each user who cannot log in with its password yet; returns their names. */
    private List<String> setCredentials(Admin admin, KafkaConnection superUser)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> set = new ArrayList<>();
        List<UserScramCredentialUpsertion> upsertions = new ArrayList<>();
        for (Map.Entry<String, String> user : passwords.entrySet()) {
            if (!canLogIn(superUser, user.getKey(), user.getValue())) {
                upsertions.add(new UserScramCredentialUpsertion(user.getKey(),
                        new ScramCredentialInfo(MECHANISM, ITERATIONS), user.getValue()));
                set.add(user.getKey());
            }
        }
        if (!upsertions.isEmpty()) {
            admin.alterUserScramCredentials(List.copyOf(upsertions)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return set;
    }

    /** Whether the user logs in with this password now: re-salting a credential that works is a change for nothing. */
    private static boolean canLogIn(KafkaConnection superUser, String user, String password) throws InterruptedException {
        String protocol = superUser.login().map(KafkaLogin::securityProtocol).orElse(KafkaLogin.DEFAULT_SECURITY_PROTOCOL);
        KafkaConnection asUser = KafkaConnection.as(superUser.bootstrapServers(),
                new KafkaLogin(user, password, protocol, MECHANISM.mechanismName()));
        try (Admin admin = Admin.create(asUser.clientSettings(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "cardex-kafka-grants-login",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS))))) {
            admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException refusedOrUnknown) {
            return false;
        }
    }

    /** The ACLs on the topics and groups of the file held by users it does not list, by user. */
    private Map<String, List<AclBinding>> aclsOfDroppedUsers(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<ResourcePattern> resources = new HashSet<>();
        acls.values().forEach(bindings -> bindings.forEach(acl -> resources.add(acl.pattern())));
        Map<String, List<AclBinding>> dropped = new TreeMap<>();
        for (ResourcePattern resource : resources) {
            for (AclBinding acl : admin.describeAcls(new AclBindingFilter(resource.toFilter(), AccessControlEntryFilter.ANY))
                    .values().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                String principal = acl.entry().principal();
                if (principal.startsWith(USER_PREFIX) && !acls.containsKey(principal.substring(USER_PREFIX.length()))) {
                    dropped.computeIfAbsent(principal.substring(USER_PREFIX.length()), u -> new ArrayList<>()).add(acl);
                }
            }
        }
        return dropped;
    }

    /** Deletes the user's SCRAM credential; false when it had none (a user of another login mechanism). */
    private static boolean removeCredential(Admin admin, String user)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialDeletion(user, MECHANISM))).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return false;
            }
            throw e;
        }
    }

    private static Set<AclBinding> existingAcls(Admin admin, String user)
            throws InterruptedException, ExecutionException, TimeoutException {
        AclBindingFilter ofUser = new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter(principal(user), null, AclOperation.ANY, AclPermissionType.ANY));
        return new HashSet<>(admin.describeAcls(ofUser).values().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    private static Set<AclBinding> bindings(String user, List<KafkaAccess.Permission> allow) {
        Set<AclBinding> bindings = new HashSet<>();
        for (KafkaAccess.Permission permission : allow) {
            ResourcePattern resource = switch (permission.resource()) {
                case TOPIC -> new ResourcePattern(ResourceType.TOPIC, permission.name(), PatternType.LITERAL);
                case GROUP -> new ResourcePattern(ResourceType.GROUP, permission.name(), PatternType.LITERAL);
                case CLUSTER -> new ResourcePattern(ResourceType.CLUSTER, CLUSTER, PatternType.LITERAL);
            };
            for (String name : permission.operations()) {
                bindings.add(new AclBinding(resource,
                        new AccessControlEntry(principal(user), "*", operation(user, name), AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    private static AclOperation operation(String user, String name) {
        AclOperation operation = AclOperation.fromString(name);
        if (operation == AclOperation.UNKNOWN || operation == AclOperation.ANY) {
            throw new InvalidAccessFileException("access.yaml: kafka.users." + user + " allows operation '" + name
                    + "', which Kafka does not know: use read, write, create, describe, describe_configs, "
                    + "idempotent_write or another of Kafka's ACL operations, in lower case");
        }
        return operation;
    }

    private static String password(String user, String variable, Function<String, String> environment) {
        String password = environment.apply(variable);
        if (password == null || password.isBlank()) {
            throw new UnusablePasswordException("the password of Kafka user " + user + " is missing: set the "
                    + "environment variable " + variable);
        }
        if (password.toLowerCase(Locale.ROOT).startsWith(EXAMPLE_PASSWORD.toLowerCase(Locale.ROOT))) {
            throw new UnusablePasswordException(variable + " (the password of Kafka user " + user + ") holds an "
                    + "example password of .env.example: set a password of your own");
        }
        return password;
    }

    private static String principal(String user) {
        return USER_PREFIX + user;
    }
}
