// goyaml-oracle reads manifests the way kubectl does and prints, per document, go-yaml v2's verdict and value.
//
// Usage: goyaml-oracle FILE...
// Output: one JSON line per document:
//
//	{"file":F,"line":N,"status":"ACCEPT","value":V}   decoded, V is the JSON kubectl would send
//	{"file":F,"line":N,"status":"REJECT","error":E}   kubectl fails on this document (or, for the
//	                                                   document separator, on the rest of the file)
//	{"file":F,"line":N,"status":"LOSSY","error":E}    decoded, but content is silently dropped (a second
//	                                                   node after the first, a duplicate key, or keys of
//	                                                   different Go types JSON names alike, with different
//	                                                   values: kubectl keeps one of them at random)
//
// N is the 1-based line where the document's text starts. Build (GOPATH mode, Debian's golang-gopkg-yaml.v2-dev):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o goyaml-oracle main.go
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	yaml "gopkg.in/yaml.v2"
)

type verdict struct {
	File   string      `json:"file"`
	Line   int         `json:"line"`
	Status string      `json:"status"`
	Value  interface{} `json:"value,omitempty"`
	Error  string      `json:"error,omitempty"`
}

type chunk struct {
	line int
	text []byte
}

// upstream: k8s.io/apimachinery/pkg/util/yaml/decoder.go YAMLReader.Read and LineReader.Read: lines are read with
// bufio.Reader.ReadLine (which drops "\r\n" or "\n") and re-joined with "\n"; a line starting with "---" followed by
// white space only ends a document, followed by anything but a comment it is an error for the rest of the stream.
func split(data []byte) ([]chunk, *verdict) {
	reader := bufio.NewReader(bytes.NewReader(data))
	var chunks []chunk
	var buffer bytes.Buffer
	start, line := 1, 0
	for {
		text, err := readLine(reader)
		line++
		if bytes.HasPrefix(text, []byte("---")) {
			trimmed := strings.TrimSpace(string(text[3:]))
			if len(trimmed) > 0 && trimmed[0] != '#' {
				return chunks, &verdict{Line: line, Status: "REJECT", Error: "invalid Yaml document separator: " + trimmed}
			}
			if buffer.Len() != 0 {
				chunks = append(chunks, chunk{start, append([]byte{}, buffer.Bytes()...)})
				buffer.Reset()
			}
			start = line + 1
			if err == io.EOF {
				return chunks, nil
			}
			continue
		}
		if err == io.EOF {
			if buffer.Len() != 0 {
				chunks = append(chunks, chunk{start, append([]byte{}, buffer.Bytes()...)})
			}
			return chunks, nil
		}
		buffer.Write(text)
	}
}

func readLine(reader *bufio.Reader) ([]byte, error) {
	var buffer bytes.Buffer
	isPrefix, err := true, error(nil)
	var line []byte
	for isPrefix && err == nil {
		line, isPrefix, err = reader.ReadLine()
		buffer.Write(line)
	}
	buffer.WriteByte('\n')
	return buffer.Bytes(), err
}

func judge(text []byte) verdict {
	var value interface{}
	if err := yaml.Unmarshal(text, &value); err != nil {
		return verdict{Status: "REJECT", Error: err.Error()}
	}
	ambiguous = nil
	converted, err := toJSONable(value)
	if err == nil {
		_, err = json.Marshal(converted)
	}
	if err != nil {
		return verdict{Status: "REJECT", Error: err.Error()}
	}
	if len(ambiguous) > 0 {
		return verdict{Status: "LOSSY", Error: "ambiguous JSON key " + strconv.Quote(ambiguous[0])}
	}
	if lost := lostContent(text); lost != "" {
		return verdict{Status: "LOSSY", Error: lost}
	}
	return verdict{Status: "ACCEPT", Value: converted}
}

// Unmarshal decodes the first node only; a Decoder asked for a second one shows what was dropped. UnmarshalStrict
// shows duplicate keys, but it also flags a key that overrides a merged one (<<), which loses nothing: it reads the
// text with each merge key renamed to a unique ordinary key instead.
func lostContent(text []byte) string {
	decoder := yaml.NewDecoder(bytes.NewReader(text))
	var first interface{}
	if decoder.Decode(&first) == nil {
		// an empty document after the first (`a: 1<CR>---` at the end) holds nothing to lose
		for {
			var rest interface{}
			err := decoder.Decode(&rest)
			if err == io.EOF {
				break
			}
			if err != nil {
				return err.Error()
			}
			if rest != nil {
				return "content after the first node is ignored"
			}
		}
	}
	var strict interface{}
	if err := yaml.UnmarshalStrict(withoutMergeKeys(text), &strict); err != nil {
		return err.Error()
	}
	return ""
}

var mergeKey = regexp.MustCompile(`<<([ \t]*:)`)

func withoutMergeKeys(text []byte) []byte {
	count := 0
	return mergeKey.ReplaceAllFunc(text, func(match []byte) []byte {
		count++
		return []byte(fmt.Sprintf("merge%d%s", count, match[2:]))
	})
}

// The JSON names toJSONable gave keys of different Go types with different values (kubectl keeps one at random).
var ambiguous []string

// upstream: sigs.k8s.io/yaml yaml.go convertToJSONableObject (no JSON target: kubectl decodes into RawExtension).
func toJSONable(value interface{}) (interface{}, error) {
	switch typed := value.(type) {
	case map[interface{}]interface{}:
		out := make(map[string]interface{}, len(typed))
		for key, item := range typed {
			name, err := keyString(key, item)
			if err != nil {
				return nil, err
			}
			converted, err := toJSONable(item)
			if err != nil {
				return nil, err
			}
			// keys go-yaml keeps apart (1, "1", 1.0) get one name: the value kept depends on Go's map order
			if previous, ok := out[name]; ok && !reflect.DeepEqual(previous, converted) {
				ambiguous = append(ambiguous, name)
			}
			out[name] = converted
		}
		return out, nil
	case []interface{}:
		out := make([]interface{}, len(typed))
		for index, item := range typed {
			var err error
			if out[index], err = toJSONable(item); err != nil {
				return nil, err
			}
		}
		return out, nil
	default:
		return value, nil
	}
}

func keyString(key, item interface{}) (string, error) {
	switch typed := key.(type) {
	case string:
		return typed, nil
	case int:
		return strconv.Itoa(typed), nil
	case int64:
		return strconv.FormatInt(typed, 10), nil
	case float64:
		text := strconv.FormatFloat(typed, 'g', -1, 32)
		switch text {
		case "+Inf":
			return ".inf", nil
		case "-Inf":
			return "-.inf", nil
		case "NaN":
			return ".nan", nil
		}
		return text, nil
	case bool:
		return strconv.FormatBool(typed), nil
	}
	return "", fmt.Errorf("unsupported map key of type: %T, key: %+#v, value: %+#v", key, key, item)
}

// upstream: apimachinery decoder.go YAMLOrJSONDecoder.Decode and GuessJSONStream: a stream whose first non-space
// byte within the 4096 bytes cli-runtime's StreamVisitor peeks at is "{" is read as a stream of JSON values by
// encoding/json, not as YAML.
func hasJSONPrefix(data []byte) bool {
	if len(data) > 4096 {
		data = data[:4096]
	}
	return bytes.HasPrefix(bytes.TrimLeftFunc(data, unicode.IsSpace), []byte("{"))
}

// judgeJSON reads the values of a JSON stream. Since apimachinery v0.33 (9b3d085f "Better handling of YAML that
// tastes like JSON") YAMLOrJSONDecoder.Decode reads the rest of the stream as YAML when encoding/json fails on its
// first or second value: from the end of the last value read, its white space up to and including the first line
// break consumed (consumeWhitespace). Then yamlFrom is that offset and failed the JSON error, which kubectl reports
// if the YAML decoder fails on its first document too; else yamlFrom is -1.
func judgeJSON(data []byte) (verdicts []verdict, yamlFrom int, failed *verdict) {
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber()
	decoded, end := 0, 0
	for {
		start := decoder.InputOffset()
		var value interface{}
		err := decoder.Decode(&value)
		if err == io.EOF {
			return verdicts, -1, nil
		}
		valueStart := len(data) - len(bytes.TrimLeftFunc(data[start:], unicode.IsSpace))
		line := 1 + bytes.Count(data[:valueStart], []byte("\n"))
		if err != nil {
			failed = &verdict{Line: line, Status: "REJECT", Error: err.Error()}
			if decoded > 1 {
				return append(verdicts, *failed), -1, nil
			}
			return verdicts, afterWhitespace(data, end), failed
		}
		decoded, end = decoded+1, int(decoder.InputOffset())
		if err := numbersInRange(data[valueStart:decoder.InputOffset()]); err != nil {
			verdicts = append(verdicts, verdict{Line: line, Status: "REJECT", Error: err.Error()})
			continue
		}
		if duplicate := duplicateJSONKey(data[valueStart:decoder.InputOffset()]); duplicate != "" {
			verdicts = append(verdicts, verdict{Line: line, Status: "LOSSY", Error: "duplicate key " + duplicate})
			continue
		}
		verdicts = append(verdicts, verdict{Line: line, Status: "ACCEPT", Value: value})
	}
}

// upstream: apimachinery decoder.go YAMLOrJSONDecoder.consumeWhitespace
func afterWhitespace(data []byte, from int) int {
	for from < len(data) {
		r, size := utf8.DecodeRune(data[from:])
		if !unicode.IsSpace(r) {
			return from
		}
		from += size
		if r == '\n' {
			return from
		}
	}
	return from
}

// upstream: sigs.k8s.io/json internal/golang/encoding/json decode.go convertNumber, which kubectl's unstructured decoding
// (UnmarshalCaseSensitivePreserveInts) runs on each number as it reads it (literalInterface saves the error): an
// int64, else a float64; one out of float64's range fails, even under a key a later one of the same name replaces.
func numbersInRange(value []byte) error {
	decoder := json.NewDecoder(bytes.NewReader(value))
	decoder.UseNumber()
	for {
		token, err := decoder.Token()
		if err != nil {
			return nil
		}
		if number, ok := token.(json.Number); ok {
			if _, err := number.Int64(); err == nil {
				continue
			}
			if _, err := number.Float64(); err != nil {
				return fmt.Errorf("json: cannot unmarshal number %s into Go value of type float64", number)
			}
		}
	}
}

// encoding/json keeps the last of repeated keys silently.
func duplicateJSONKey(value []byte) string {
	decoder := json.NewDecoder(bytes.NewReader(value))
	type object struct {
		keys      map[string]bool
		expectKey bool
	}
	var stack []*object
	for {
		token, err := decoder.Token()
		if err != nil {
			return ""
		}
		top := (*object)(nil)
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.keys != nil && top.expectKey {
			if delim, ok := token.(json.Delim); ok && delim == '}' {
				stack = stack[:len(stack)-1]
				continue
			}
			key := token.(string)
			if top.keys[key] {
				return strconv.Quote(key)
			}
			top.keys[key] = true
			top.expectKey = false
			continue
		}
		if top != nil && top.keys != nil {
			top.expectKey = true
		}
		switch token {
		case json.Delim('{'):
			stack = append(stack, &object{keys: map[string]bool{}, expectKey: true})
		case json.Delim('['):
			stack = append(stack, &object{})
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
	}
}

func main() {
	out := json.NewEncoder(os.Stdout)
	for _, file := range os.Args[1:] {
		data, err := os.ReadFile(file)
		if err != nil {
			_ = out.Encode(verdict{File: file, Status: "REJECT", Error: err.Error()})
			continue
		}
		// upstream: k8s.io/cli-runtime/pkg/resource/visitor.go FileVisitor decodes the file through
		// unicode.BOMOverride(unicode.UTF8.NewDecoder()), which drops one leading UTF-8 byte order mark
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		yamlFrom, failed := 0, (*verdict)(nil)
		if hasJSONPrefix(data) {
			var verdicts []verdict
			verdicts, yamlFrom, failed = judgeJSON(data)
			for _, result := range verdicts {
				result.File = file
				_ = out.Encode(result)
			}
			if yamlFrom < 0 {
				continue
			}
		}
		lines := bytes.Count(data[:yamlFrom], []byte("\n"))
		chunks, separator := split(data[yamlFrom:])
		for index, chunk := range chunks {
			result := judge(chunk.text)
			result.File, result.Line = file, chunk.line+lines
			if index == 0 && failed != nil && result.Status == "REJECT" {
				// the YAML decoder failed too: kubectl reports the JSON decoder's error and reads no further
				failed.File = file
				_ = out.Encode(failed)
				separator = nil
				break
			}
			_ = out.Encode(result)
		}
		if failed != nil && len(chunks) == 0 && separator != nil {
			// the reader failed on the first document (an invalid separator ends it): the JSON error is kubectl's
			failed.File = file
			_ = out.Encode(failed)
			separator = nil
		}
		if separator != nil {
			separator.File = file
			_ = out.Encode(separator)
		}
	}
}
