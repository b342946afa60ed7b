#!lua
-- Shebang (Redis >= 7), no allow-oom: a full Redis refuses new fingerprints instead of growing
-- (provenance is best effort; the caller logs and drops).
-- Provenance index: store one response's fingerprint and its 32 LSH band entries, and evict the
-- oldest responses beyond the capacity or the retention, in one round trip.
-- KEYS[1]: the index's meta hash (seq: last sequence number, tail: oldest live one, nb: bucket
--          count, fixed when the index is created). Every other key starts with ARGV[1] and shares
--          KEYS[1]'s hash tag, so the script derives them (they are one Cluster slot).
-- ARGV: prefix, record (256-byte signature, then the caller's payload), bucket count (used when the
--       index is new), capacity, retention seconds, ids kept per band value.
-- Record: prefix..'r:'..seq = record .. 10-digit insertion time (this server's clock).
-- Band i = signature bytes 8i+1..8i+8 (two little-endian uint32 a, b): hash prefix..'b:'..(a % nb),
-- field = char(i) .. b (5 bytes), value = up to `keep` 5-byte sequence numbers, newest first.
-- Bucketed hashes stay listpack-encoded (~15 bytes per band entry instead of one set key each).
-- A band value shared by more responses (near-duplicates) spills to a set of sequence numbers
-- (an intset) prefix..'s:'..(a % nb)..':'..i..':'..b, and its field is left empty.
-- Returns the new sequence number.
local meta, prefix, rec = KEYS[1], ARGV[1], ARGV[2]
local capacity, ttl, keep = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
redis.call('HSETNX', meta, 'nb', ARGV[3])
local nb = tonumber(redis.call('HGET', meta, 'nb'))
local now = tonumber(redis.call('TIME')[1])
local life = 2 * ttl -- backstop expiry: retention itself is enforced by the eviction below

-- bucket key, field and spill key of band i
local function band(sig, i)
  local bucket = struct.unpack('<I4', sig, 8 * i + 1) % nb
  local second = struct.unpack('<I4', sig, 8 * i + 5)
  return prefix .. 'b:' .. bucket, string.char(i) .. string.sub(sig, 8 * i + 5, 8 * i + 8),
         prefix .. 's:' .. bucket .. ':' .. i .. ':' .. second
end

local seq = redis.call('HINCRBY', meta, 'seq', 1)
local id = struct.pack('<I5', seq)
redis.call('SET', prefix .. 'r:' .. seq, rec .. string.format('%010d', now), 'EX', life)
for i = 0, 31 do
  local k, f, sk = band(rec, i)
  local old = redis.call('HSETNX', k, f, id) == 0 and redis.call('HGET', k, f) -- new value: one call
  if not old then -- stored by HSETNX
  elseif #old == 0 then
    redis.call('SADD', sk, seq)
    redis.call('EXPIRE', sk, life)
  elseif #old < 5 * keep then
    redis.call('HSET', k, f, id .. old)
  else
    for j = 1, #old, 5 do
      local moved = struct.unpack('<I5', old, j) -- (unpack also returns the next offset)
      redis.call('SADD', sk, moved)
    end
    redis.call('SADD', sk, seq)
    redis.call('EXPIRE', sk, life)
    redis.call('HSET', k, f, '')
  end
  redis.call('EXPIRE', k, life)
end

-- Evict from the oldest: beyond capacity, or older than the retention. At most 8 per call, so a
-- backlog (after an idle period) drains over the next writes instead of in one long script.
local tail = tonumber(redis.call('HGET', meta, 'tail') or '1')
local walked = 0
while tail < seq and walked < 8 do
  local rk = prefix .. 'r:' .. tail
  local old = redis.call('GET', rk)
  if old and seq - tail < capacity and tonumber(string.sub(old, -10)) > now - ttl then
    break
  end
  if old then
    local oid = struct.pack('<I5', tail)
    for i = 0, 31 do
      local k, f, sk = band(old, i)
      local v = redis.call('HGET', k, f)
      if v and #v == 0 then
        redis.call('SREM', sk, tail)
        if redis.call('EXISTS', sk) == 0 then redis.call('HDEL', k, f) end
      elseif v then
        local rest = {}
        for j = 1, #v, 5 do
          local e = string.sub(v, j, j + 4)
          if e ~= oid then rest[#rest + 1] = e end
        end
        if #rest == 0 then
          redis.call('HDEL', k, f)
        else
          redis.call('HSET', k, f, table.concat(rest))
        end
      end
    end
    redis.call('DEL', rk)
  end
  tail = tail + 1
  walked = walked + 1
end
redis.call('HSET', meta, 'tail', tail)
redis.call('EXPIRE', meta, life)
return seq
