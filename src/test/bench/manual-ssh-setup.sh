#!/usr/bin/env bash
# The seed guide's manual SSH setup as a script: the anchor SetupScaleBenchmark times against
# `gitlab-access setup --method ssh`. Not run by hand: the benchmark gives it a fresh home each round.
# Environment: HOME (with clones under $HOME/src), API (the instance's /api/v4 URL), CA_FILE,
# HEADER_FILE (a file holding "PRIVATE-TOKEN: ...": the token never goes on a command line),
# SSH_HOST, SSH_PORT.
set -euo pipefail
key="$HOME/.ssh/id_ed25519_gitlab"
mkdir -p -m 700 "$HOME/.ssh"
ssh-keygen -q -t ed25519 -N "" -C "manual" -f "$key"
curl -sSf --cacert "$CA_FILE" -H @"$HEADER_FILE" -X POST "$API/user/keys" \
  --data-urlencode "title=manual $(date +%s%N)" --data-urlencode "key=$(cat "$key.pub")" >/dev/null
ssh-keyscan -p "$SSH_PORT" "$SSH_HOST" >> "$HOME/.ssh/known_hosts" 2>/dev/null
cat >> "$HOME/.ssh/config" <<CONF
Host $SSH_HOST
  IdentityFile $key
  IdentitiesOnly yes
  UserKnownHostsFile $HOME/.ssh/known_hosts
CONF
# ssh reads the account's home, not $HOME: name the config file, as a sandboxed home needs.
export GIT_SSH_COMMAND="ssh -F $HOME/.ssh/config"
for repo in "$HOME"/src/*/; do
  url=$(git -C "$repo" remote get-url origin)
  path=${url#*://*/}
  git -C "$repo" remote set-url origin "ssh://git@$SSH_HOST:$SSH_PORT/$path"
  git -C "$repo" ls-remote origin >/dev/null
done
ssh -F "$HOME/.ssh/config" -p "$SSH_PORT" -T "git@$SSH_HOST"
