module Shop.Scripts.Library

let hello name = sprintf "Hello %s" name
