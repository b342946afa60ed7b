#!lua
-- Shebang (Redis >= 7), no allow-oom: a full Redis refuses the increments instead of growing (the
-- caller keeps the counts and retries at its next flush).
-- Counter tables: add a batch of deltas to one table's integer counters, atomically (a reader sees
-- all of a flush or none of it), and remember the table's name.
-- KEYS[1]: the table's hash; KEYS[2]: the set of table names; KEYS[3] (optional): the set of the
-- table's group, which holds at most ARGV[2] tables (same hash tag: one Cluster slot).
-- ARGV: table name, group bound, then field, delta, field, delta, ...
-- Returns 1, or 0 when the group is full and the table not in it yet (nothing added).
if #KEYS > 2 and redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 0 then
  if redis.call('SCARD', KEYS[3]) >= tonumber(ARGV[2]) then
    return 0
  end
  redis.call('SADD', KEYS[3], ARGV[1])
end
redis.call('SADD', KEYS[2], ARGV[1])
for i = 3, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
end
return 1
