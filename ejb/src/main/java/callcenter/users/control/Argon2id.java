package callcenter.users.control;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) with Bouncy Castle, at most {@code concurrency} hashes at a time.
 *
 * <p>Each running hash borrows one of {@code concurrency} block pools and gives it back zeroed. Allocating the
 * thousands of 1 KiB blocks afresh for every hash (Bouncy Castle's default) made a hash up to 2.7 times slower on
 * the project's 2-core machine (57 against 21 ms at 19 MiB), most of it allocation and the garbage collector
 * copying the live blocks; reused, the blocks stay in the old generation. The price: up to {@code concurrency} x
 * the memory parameter stays on the heap once that many hashes ran at once (24 MiB on 2 cores at 12 MiB). Waiting
 * for a pool also keeps more hashes than cores from running at once, which would only make each one slower and hold
 * more memory.
 */
public final class Argon2id {

    /** The cost parameters of one hash: memory in KiB, passes, lanes. */
    public record Cost(int memoryKiB, int iterations, int parallelism) {

        public Cost {
            if (parallelism < 1 || iterations < 1 || memoryKiB < 8 * parallelism) {
                throw new IllegalArgumentException("not an Argon2 cost: m=" + memoryKiB + ",t=" + iterations
                        + ",p=" + parallelism);
            }
        }

        /** Whether every parameter is at least the other's: a hash with this cost is as hard as one with that. */
        public boolean atLeast(Cost other) {
            return memoryKiB >= other.memoryKiB && iterations >= other.iterations && parallelism >= other.parallelism;
        }
    }

    private final BlockingQueue<Argon2BytesGenerator.BlockPool> pools;

    /**
     * @param concurrency how many hashes may run at once (the cores)
     * @param cost        the cost the pools are sized for; hashes of another cost work too, the surplus blocks
     *                    are then allocated for the one hash
     */
    public Argon2id(int concurrency, Cost cost) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive");
        }
        int blocks = Argon2BytesGenerator.getBlockCount(cost.memoryKiB(), cost.parallelism());
        pools = new ArrayBlockingQueue<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            // Empty until used: a node that never hashes holds no blocks.
            pools.add(new Blocks(blocks));
        }
    }

    /** The {@code length}-byte Argon2id (version 0x13) hash of the password with this salt and cost. */
    public byte[] hash(byte[] password, byte[] salt, Cost cost, int length) {
        Argon2BytesGenerator.BlockPool pool = borrow();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(cost.memoryKiB())
                    .withIterations(cost.iterations())
                    .withParallelism(cost.parallelism())
                    .withSalt(salt)
                    .withBlockPool(pool)
                    .build());
            byte[] out = new byte[length];
            // Bouncy Castle zeroes the blocks before they return to the pool.
            generator.generateBytes(password, out);
            return out;
        } finally {
            pools.add(pool);
        }
    }

    /**
     * The blocks of one hash at a time: a pool is borrowed whole, so it needs no lock. (Bouncy Castle's
     * FixedBlockPool takes a lock per block, and its list showed up growing in a profile: 7 % of a hash.) The
     * queue it is borrowed through orders one borrower's writes before the next one's reads.
     */
    private static final class Blocks implements Argon2BytesGenerator.BlockPool {

        private final Argon2BytesGenerator.Block[] free;
        private int size;

        Blocks(int capacity) {
            free = new Argon2BytesGenerator.Block[capacity];
        }

        @Override
        public Argon2BytesGenerator.Block allocate() {
            return size > 0 ? free[--size] : new Argon2BytesGenerator.Block();
        }

        /** Bouncy Castle hands blocks back zeroed; those beyond the capacity (a costlier stored hash) are dropped. */
        @Override
        public void deallocate(Argon2BytesGenerator.Block block) {
            if (size < free.length) {
                free[size++] = block;
            }
        }
    }

    private Argon2BytesGenerator.BlockPool borrow() {
        try {
            return pools.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        }
    }
}
