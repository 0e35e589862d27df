package fiximports

var noImports = &Client{}
