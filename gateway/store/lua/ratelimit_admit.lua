-- Atomic admission for every limit that applies to one request (one round trip).
-- KEYS[i]: the state key of limit i (all share one hash tag, so one Cluster slot).
-- ARGV: now_ms, rid, then 5 values per key: kind ('r' log | 'c' counter | 'l' lease),
--       limit, param_ms, amount, shadow ('1' | '0').
-- Returns 5 integers per key: ok, applied, used, retry_ms, reset_ms.
-- Phase 1 checks every limit; phase 2 applies only if no enforced limit denied.
local now = tonumber(ARGV[1])
local rid = ARGV[2]
local n = #KEYS
local ok, used, retry, reset = {}, {}, {}, {}
local denied = false

for i = 1, n do
  local b = 3 + (i - 1) * 5
  local kind, limit, p, amt = ARGV[b], tonumber(ARGV[b + 1]), tonumber(ARGV[b + 2]), tonumber(ARGV[b + 3])
  local key = KEYS[i]
  local u, r, rs = 0, 0, 0
  local fits
  if kind == 'r' then
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now - p)
    u = redis.call('ZCARD', key)
    fits = u + amt <= limit
    if u > 0 then
      local newest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
      rs = tonumber(newest[2]) + p - now
    end
    if not fits then
      if amt > limit then
        r = p
      else
        -- the slot frees when the (u - limit + amt)-th oldest entry leaves the window
        local e = redis.call('ZRANGE', key, u - limit + amt - 1, u - limit + amt - 1, 'WITHSCORES')
        r = tonumber(e[2]) + p - now
      end
    end
  elseif kind == 'c' then
    u = tonumber(redis.call('GET', key) or '0')
    fits = u + amt <= limit
    rs = p
    if not fits then r = p end
  else -- 'l'
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
    u = redis.call('ZCARD', key)
    fits = u + amt <= limit
    if not fits then
      if u > 0 then
        local e = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
        r = tonumber(e[2]) - now
      else
        r = p
      end
    end
  end
  if r < 1 and not fits then r = 1 end
  ok[i], used[i], retry[i], reset[i] = fits, u, r, rs
  if not fits and ARGV[b + 4] == '0' then denied = true end
end

local out = {}
for i = 1, n do
  local b = 3 + (i - 1) * 5
  local kind, p, amt = ARGV[b], tonumber(ARGV[b + 2]), tonumber(ARGV[b + 3])
  local key = KEYS[i]
  local applied = 0
  if ok[i] and not denied then
    applied = 1
    if kind == 'r' then
      redis.call('ZADD', key, now, rid)
      redis.call('PEXPIRE', key, p)
      used[i] = used[i] + 1
      reset[i] = p
    elseif kind == 'c' then
      used[i] = redis.call('INCRBY', key, amt)
      redis.call('PEXPIRE', key, p)
    else
      redis.call('ZADD', key, now + p, rid)
      -- the key lives as long as its longest lease
      if redis.call('PTTL', key) < p then redis.call('PEXPIRE', key, p) end
      used[i] = used[i] + 1
    end
  end
  out[#out + 1] = ok[i] and 1 or 0
  out[#out + 1] = applied
  out[#out + 1] = used[i]
  out[#out + 1] = retry[i]
  out[#out + 1] = reset[i]
end
return out
