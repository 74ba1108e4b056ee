from ... import beyond
